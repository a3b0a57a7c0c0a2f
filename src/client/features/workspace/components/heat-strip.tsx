import { memo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentScore } from '../../../../shared/mqm-score';

interface Props {
  perSegment: DocumentScore['perSegment'];
  onGoTo: (segmentId: string) => void;
}

const KEY_STEPS: Record<string, number> = {
  ArrowDown: 1,
  ArrowRight: 1,
  ArrowUp: -1,
  ArrowLeft: -1,
  PageDown: 10,
  PageUp: -10,
};

/**
 * One cell per segment beside the table, darker for more penalty points; each jumps to its segment.
 * One Tab stop for the whole strip (not one per segment): arrows, Page Up/Down, Home and End move along it.
 */
export const HeatStrip = memo(function HeatStrip({ perSegment, onGoTo }: Props) {
  const { t, i18n } = useTranslation('workspace');
  const num = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const max = Math.max(1, ...perSegment.map((s) => s.points));
  const [current, setCurrent] = useState(0);
  const strip = useRef<HTMLElement>(null);
  const focusable = Math.min(current, perSegment.length - 1);

  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    const last = perSegment.length - 1;
    let next: number | undefined;
    if (e.key in KEY_STEPS) next = Math.max(0, Math.min(last, focusable + KEY_STEPS[e.key]!));
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = last;
    if (next === undefined || last < 0) return;
    e.preventDefault();
    setCurrent(next);
    strip.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
  }

  return (
    <nav className="heat-strip" aria-label={t('score.title')} ref={strip} onKeyDown={onKeyDown}>
      {perSegment.map((s, i) => {
        const points = t('score.penaltyPoints', { count: s.points, value: num.format(s.points) });
        const label = t('score.heat', { n: i + 1, points });
        return (
          <button
            key={s.segmentId}
            type="button"
            className="heat-cell"
            tabIndex={i === focusable ? 0 : -1}
            data-hot={s.points > 0 ? 'true' : undefined}
            style={{ '--heat': s.points / max } as React.CSSProperties}
            title={label}
            aria-label={label}
            onFocus={() => setCurrent(i)}
            onClick={() => onGoTo(s.segmentId)}
          />
        );
      })}
    </nav>
  );
});
