import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NewEvent } from '../../events';
import type { DocumentState } from '../../schemas';
import { schemaErrors } from '../../../server/xliff-schema-check';
import { exportAfter, readOk } from './test-helpers';

/*
 * Issue #13: a document whose segments were split or merged is still written in the version and the units it
 * came in (it used to become a new XLIFF 2.2 file), and a split keeps the inline codes on both halves.
 */

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const split = (doc: DocumentState, k: number, sourceAt: number, targetAt: number): NewEvent => ({
  type: 'SegmentSplit',
  payload: {
    segmentId: doc.segments[k]!.id,
    newSegmentId: `snew${k}`,
    sourceAt,
    targetAt,
    sourceGap: ' ',
    targetGap: ' ',
  },
});

const merge = (doc: DocumentState, k: number): NewEvent => ({
  type: 'SegmentsMerged',
  payload: {
    segmentId: doc.segments[k]!.id,
    nextSegmentId: doc.segments[k + 1]!.id,
    sourceSeparator: ' ',
    targetSeparator: ' ',
    sourceAt: doc.segments[k]!.source.length,
    targetAt: doc.segments[k]!.target.length,
  },
});

/** Where a text is cut: just before `word`. */
const at = (text: string, word: string) => {
  const i = text.indexOf(word);
  if (i < 0) throw new Error(`${word} not in ${text}`);
  return i;
};

const codeNames = (codes: Record<string, { name: string; kind: string }> | undefined) =>
  Object.values(codes ?? {})
    .map((c) => `${c.kind}:${c.name}`)
    .sort();

describe('XLIFF 2.x after a split or a merge', () => {
  const text = fixture('features-2.2.xlf');

  it('a split segment becomes two segments of its unit, each with its codes; the file stays 2.2 and valid', () => {
    const out = exportAfter(text, (doc) => {
      const s = doc.segments[0]!;
      return [split(doc, 0, at(s.source, 'world'), at(s.target, 'monnde') - 1)];
    });
    expect(out).toContain('urn:oasis:names:tc:xliff:document:2.2');
    expect(schemaErrors(out, '2.2')).toBeNull();
    const read = readOk(out);
    expect(read.version).toBe('2.2');
    expect(read.counts).toMatchObject({ files: 1, units: 3, segments: 6 });
    const [first, second] = read.segments;
    expect(first!.meta.unit).toBe('u1');
    expect(second!.meta.unit).toBe('u1');
    expect(first!.source).toMatch(/^Hello .dear.$/);
    expect(second!.source).toMatch(/^world\..$/);
    expect(codeNames(first!.codes)).toEqual(['close:pc', 'open:pc']);
    expect(codeNames(second!.codes)).toEqual(['standalone:ph']);
    expect(second!.target).toMatch(/^monnde\..$/);
    // The review mark on the second half's words went with them.
    expect(second!.marks).toHaveLength(1);
  });

  it('a paired code the cut separates is written as sc in one segment and ec in the next, and reads again', () => {
    const out = exportAfter(text, (doc) => {
      const s = doc.segments[0]!;
      return [split(doc, 0, at(s.source, 'dear') + 2, at(s.target, 'cher') + 2)];
    });
    expect(schemaErrors(out, '2.2')).toBeNull();
    const read = readOk(out);
    expect(read.segments[0]!.source).toMatch(/^Hello .de$/);
    expect(read.segments[1]!.source).toMatch(/^ar. world\..$/);
  });

  it('merged segments of one unit become one segment of it; the unit count stays', () => {
    const out = exportAfter(text, (doc) => [merge(doc, 3)]);
    expect(schemaErrors(out, '2.2')).toBeNull();
    const read = readOk(out);
    expect(read.counts).toMatchObject({ units: 3, segments: 4 });
    expect(read.segments[3]!.meta.unit).toBe('u3');
    expect(read.segments[3]!.source).toBe('To translate. Two issues.');
  });

  it('segments merged across units: the second unit, left empty, leaves the file; codes of both stay distinct', () => {
    const out = exportAfter(text, (doc) => [merge(doc, 0)]);
    expect(schemaErrors(out, '2.2')).toBeNull();
    const read = readOk(out);
    expect(read.counts.segments).toBe(4);
    expect(codeNames(read.segments[0]!.codes)).toEqual([
      'close:pc',
      'open:pc',
      'standalone:ec',
      'standalone:ph',
      'standalone:sc',
    ]);
  });
});

describe('XLIFF 1.2 after a split or a merge', () => {
  it('a split trans-unit gets a seg-source with two mrk segments, its target the same; still 1.2 and valid', () => {
    const out = exportAfter(fixture('symfony-messages.fr.xlf'), (doc) => [split(doc, 0, 8, 7)]);
    expect(out).toContain('urn:oasis:names:tc:xliff:document:1.2');
    expect(schemaErrors(out, '1.2')).toBeNull();
    expect(out).toMatch(
      /<seg-source><mrk mtype="seg" mid="1">Symfony<\/mrk> <mrk mtype="seg" mid="2">is great<\/mrk><\/seg-source>/,
    );
    const read = readOk(out);
    expect(read.version).toBe('1.2');
    expect(read.counts).toMatchObject({ units: 3, segments: 4 });
    expect(read.segments.slice(0, 2).map((s) => [s.source, s.target, s.meta.mid])).toEqual([
      ['Symfony', "J'aime", '1'],
      ['is great', 'Symfony', '2'],
    ]);
  });

  it("a split keeps the codes on both halves (Angular's x placeholders)", () => {
    const text = fixture('angular-messages.xlf');
    const out = exportAfter(text, (doc) => {
      const s = doc.segments[1]!;
      return [
        { type: 'SegmentEdited', payload: { segmentId: s.id, target: s.source, cause: 'edit' } },
        split(doc, 1, at(s.source, 'minutes'), at(s.source, 'minutes')),
      ];
    });
    expect(schemaErrors(out, '1.2')).toBeNull();
    const read = readOk(out);
    expect(read.segments).toHaveLength(3);
    expect(codeNames(read.segments[1]!.codes)).toEqual(['standalone:x']);
    expect(codeNames(read.segments[2]!.codes)).toEqual(['standalone:x', 'standalone:x', 'standalone:x']);
    expect(read.segments[2]!.target).toBe(read.segments[2]!.source);
  });

  it('segments merged across trans-units: one trans-unit holds the text, the other leaves the file', () => {
    const out = exportAfter(fixture('symfony-messages.fr.xlf'), (doc) => [merge(doc, 1)]);
    expect(schemaErrors(out, '1.2')).toBeNull();
    const read = readOk(out);
    expect(read.counts).toMatchObject({ units: 2, segments: 2 });
    expect(read.segments[1]!.source).toBe('%count% items in your cart Your cart is empty');
    expect(read.segments[1]!.target).toBe('%count% articles dans votre panier Votre panier est vide');
  });
});
