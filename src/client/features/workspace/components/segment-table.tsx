import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentState, Flag, FlagSide, Segment, StatusAction } from '../../../../shared/schemas';
import { byId } from '../../../../shared/state-index';
import { useLangName } from '../../../lib/use-lang-name';
import type { Highlight } from '../lib/highlight';
import type { Draft } from '../lib/save-queue';
import { SegmentRow, type SideHighlights, type TermNote } from './segment-row';

const EMPTY: readonly Flag[] = [];
const NO_MARKS: readonly Highlight[] = [];
const NO_NOTES: readonly TermNote[] = [];

interface Props {
  doc: DocumentState;
  drafts: readonly Draft[];
  /** The chosen flag or finding: only the row holding it gets its id, so the other rows' memo holds. */
  activeFlagId: string | undefined;
  activeFindingId: string | undefined;
  activeFindingSegment: string | undefined;
  canEdit: boolean;
  canDecide: boolean;
  suggestionsOf: (segmentId: string) => SideHighlights;
  termsOf: (segmentId: string) => { marks: Highlight[]; notes: TermNote[] } | undefined;
  onEdit: (segment: Segment, text: string) => void;
  onBlur: (segmentId: string) => void;
  onSelection: (segment: Segment, side: FlagSide, start: number, end: number) => void;
  onFlagShortcut: () => void;
  onRetry: (segmentId: string) => void;
  registerCell: (key: string, el: HTMLTextAreaElement | null) => void;
  onStatus: (segment: Segment, action: StatusAction) => void;
  onHistory: (segment: Segment) => void;
}

/** The segments, one row each: number, status, source and translation. */
export function SegmentTable({ doc, drafts, activeFlagId, activeFindingId, activeFindingSegment, ...p }: Props) {
  const { t } = useTranslation('workspace');
  const langName = useLangName();
  const draftsById = useMemo(() => new Map(drafts.map((d) => [d.segmentId, d])), [drafts]);
  const flagsBySegment = useMemo(() => {
    const map = new Map<string, Flag[]>();
    for (const f of doc.flags) map.set(f.segmentId, [...(map.get(f.segmentId) ?? []), f]);
    return map;
  }, [doc.flags]);
  const activeFlagSegment = activeFlagId ? byId(doc.flags, activeFlagId)?.segmentId : undefined;
  return (
    <div className="ws-table-wrap">
      <table className="segments">
        <caption className="visually-hidden">{t('table.label')}</caption>
        <thead>
          <tr>
            <th scope="col" className="seg-number">
              {t('table.number')}
            </th>
            <th scope="col" className="seg-status">
              {t('table.status')}
            </th>
            <th scope="col">{t('table.source', { lang: langName(doc.sourceLang) })}</th>
            <th scope="col">{t('table.target', { lang: langName(doc.targetLang) })}</th>
          </tr>
        </thead>
        <tbody>
          {doc.segments.map((s) => (
            <SegmentRow
              key={s.id}
              segment={s}
              flags={flagsBySegment.get(s.id) ?? EMPTY}
              draft={draftsById.get(s.id)}
              sourceLang={doc.sourceLang}
              targetLang={doc.targetLang}
              activeFlagId={
                s.id === activeFlagSegment ? activeFlagId : s.id === activeFindingSegment ? activeFindingId : undefined
              }
              onEdit={p.onEdit}
              onBlur={p.onBlur}
              onSelection={p.onSelection}
              onFlagShortcut={p.onFlagShortcut}
              onRetry={p.onRetry}
              registerCell={p.registerCell}
              locked={s.status === 'approved' || doc.status === 'approved' || !p.canEdit}
              canDecide={p.canDecide && doc.status !== 'approved'}
              onStatus={p.onStatus}
              onHistory={p.onHistory}
              suggestions={p.suggestionsOf(s.id)}
              sourceTerms={p.termsOf(s.id)?.marks ?? NO_MARKS}
              termNotes={p.termsOf(s.id)?.notes ?? NO_NOTES}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
