import type { Element } from '@xmldom/xmldom';
import type { SegmentStatus } from '../../schemas';
import { attr, childElements } from '../xml-dom';

/*
 * Trados (SDLXLIFF) keeps each segment's status in its own extension, sdl:seg-defs/sdl:seg[@id = mid]/@conf,
 * and reads that rather than XLIFF 1.2's target state: read it, and write it back beside the state.
 */

export const SDL_NS = 'http://sdl.com/FileTypes/SdlXliff/1.0';

const FROM_CONF: Record<string, SegmentStatus> = {
  draft: 'draft',
  translated: 'translated',
  rejectedtranslation: 'changes-requested',
  approvedtranslation: 'approved',
  rejectedsignoff: 'changes-requested',
  approvedsignoff: 'approved',
};

/** The sdl:seg of a Trados segment (by its mrk's mid), or null in files from other tools. */
export function sdlSegOf(unit: Element, mid: string | undefined): Element | null {
  if (mid === undefined) return null;
  for (const defs of childElements(unit, SDL_NS, 'seg-defs'))
    for (const seg of childElements(defs, SDL_NS, 'seg')) if (attr(seg, 'id') === mid) return seg;
  return null;
}

/** Our status for a Trados conf value, or undefined when it has none (or one we do not know). */
export function fromSdlConf(seg: Element | null): SegmentStatus | undefined {
  const conf = seg ? attr(seg, 'conf') : undefined;
  return conf === undefined ? undefined : FROM_CONF[conf.toLowerCase()];
}

export function toSdlConf(status: SegmentStatus, documentApproved: boolean): string {
  switch (status) {
    case 'draft':
      return 'Draft';
    case 'translated':
    case 'in-review':
      return 'Translated';
    case 'changes-requested':
      return 'RejectedTranslation';
    case 'approved':
      return documentApproved ? 'ApprovedSignOff' : 'ApprovedTranslation';
  }
}
