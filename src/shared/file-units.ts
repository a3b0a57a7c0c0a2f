import type { Segment } from './schemas';

/*
 * A document read from XLIFF is written back into its file (formats/xliff/restructure.ts): each segment belongs
 * to a unit of that file (its meta's file and unit; a segment without them, the second part of a split, belongs
 * to the unit of the segment before it, as the export has it). Structure changes must not lose a unit or the
 * client's source text: no merge across units (the second unit would leave the file), and no deletion of a
 * segment that holds source text or is the last of its unit.
 */

type UnitSegment = Pick<Segment, 'meta' | 'source'>;

export const keepsFileUnits = (origin: { format: string } | undefined): boolean => origin?.format === 'xliff';

const keyOf = (s: UnitSegment): string | null =>
  s.meta?.unit !== undefined ? `${s.meta.file ?? ''}\u0000${s.meta.unit}` : null;

/** Every segment's unit, in one pass (the table's rows). */
export function unitKeys(segments: readonly UnitSegment[]): (string | null)[] {
  let unit: string | null = null;
  return segments.map((s) => (unit = keyOf(s) ?? unit));
}

/** Why a segment of a file-bound document may not be merged with the next or deleted (null: it may). */
export function mergeBlock(keys: readonly (string | null)[], position: number): 'MERGE_ACROSS_UNITS' | null {
  return position + 1 < keys.length && keys[position] !== keys[position + 1] ? 'MERGE_ACROSS_UNITS' : null;
}

export function deleteBlock(
  segments: readonly UnitSegment[],
  keys: readonly (string | null)[],
  position: number,
): 'FILE_TEXT_DELETE' | null {
  if (segments[position]!.source.trim() !== '') return 'FILE_TEXT_DELETE';
  const key = keys[position];
  const alone = keys[position - 1] !== key && keys[position + 1] !== key;
  return alone ? 'FILE_TEXT_DELETE' : null;
}
