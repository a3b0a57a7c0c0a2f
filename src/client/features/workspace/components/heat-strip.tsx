import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentScore } from '../../../../shared/mqm-score';

interface Props {
  perSegment: DocumentScore['perSegment'];
  onGoTo: (segmentId: string) => void;
}

/** One cell per segment beside the table, darker for more penalty points; each jumps to its segment. */
export const HeatStrip = memo(function HeatStrip({ perSegment, onGoTo }: Props) {
  const { t, i18n } = useTranslation('workspace');
  const num = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const max = Math.max(1, ...perSegment.map((s) => s.points));
  return (
    <nav className="heat-strip" aria-label={t('score.title')}>
      {perSegment.map((s, i) => {
        const label = t('score.heat', { n: i + 1, points: num.format(s.points) });
        return (
          <button
            key={s.segmentId}
            type="button"
            className="heat-cell"
            data-hot={s.points > 0 ? 'true' : undefined}
            style={{ '--heat': s.points / max } as React.CSSProperties}
            title={label}
            aria-label={label}
            onClick={() => onGoTo(s.segmentId)}
          />
        );
      })}
    </nav>
  );
});
