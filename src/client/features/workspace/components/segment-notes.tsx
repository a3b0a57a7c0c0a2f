import { useTranslation } from 'react-i18next';

/** Notes the segment's file gave it (XLIFF notes, 1.2 context): shown under the source. */
export function SegmentNotes({ notes }: { notes: readonly string[] }) {
  const { t } = useTranslation('workspace');
  if (notes.length === 0) return null;
  return (
    <ul className="segment-notes" aria-label={t('segment.notes')}>
      {notes.map((n, i) => (
        <li key={i} dir="auto">
          {n}
        </li>
      ))}
    </ul>
  );
}
