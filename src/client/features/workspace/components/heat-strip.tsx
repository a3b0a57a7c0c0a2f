import { memo, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { numberFormat } from '../../../lib/number-format';

/** A segment with penalty points, placed where its row is: fractions of the whole table's height. */
export interface HeatMark {
  segmentId: string;
  /** 1-based segment number. */
  n: number;
  points: number;
  top: number;
  height: number;
}

interface Props {
  marks: readonly HeatMark[];
  /** The part of the table in the window, as fractions of its height (numbers, so the memo holds). */
  viewTop: number;
  viewHeight: number;
  onGoTo: (segmentId: string) => void;
  /** A click on the strip between marks: the segment at that height (a fraction of the table). */
  onPick: (fraction: number) => void;
}

const KEY_STEPS: Record<string, number> = {
  ArrowDown: 1,
  ArrowRight: 1,
  ArrowUp: -1,
  ArrowLeft: -1,
  PageDown: 10,
  PageUp: -10,
};

const pct = (x: number) => `${(x * 100).toFixed(4)}%`;

/**
 * A map of the whole document beside the table: each segment with penalty points is a mark at its row's
 * place (row offsets measured by the table, so a long paragraph takes its share), darker for more points,
 * and the outlined band is the part on screen. Each mark jumps to its segment; a click between marks goes to
 * the segment at that height. One Tab stop for the strip: arrows, Page Up/Down, Home and End go from mark to
 * mark. The legend under it reads the colours.
 */
export const HeatStrip = memo(function HeatStrip({ marks, viewTop, viewHeight, onGoTo, onPick }: Props) {
  const { t, i18n } = useTranslation('workspace');
  const legendId = useId();
  const num = numberFormat(i18n.language, { maximumFractionDigits: 2 });
  // Marks move whenever rows are measured while scrolling; their labels are made once per language.
  // A new cache when the language changes (the memo's only job): the dependencies are the point.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const labels = useMemo(() => new Map<string, string>(), [t, i18n.language]);
  const max = Math.max(1, ...marks.map((m) => m.points));
  const [current, setCurrent] = useState(0);
  const track = useRef<HTMLDivElement>(null);
  const focusable = Math.min(current, marks.length - 1);

  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    const last = marks.length - 1;
    let next: number | undefined;
    if (e.key in KEY_STEPS) next = Math.max(0, Math.min(last, focusable + KEY_STEPS[e.key]!));
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = last;
    if (next === undefined || last < 0) return;
    e.preventDefault();
    setCurrent(next);
    track.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
  }

  function onTrackClick(e: MouseEvent<HTMLDivElement>) {
    if (e.target !== e.currentTarget) return;
    const box = e.currentTarget.getBoundingClientRect();
    if (box.height > 0) onPick((e.clientY - box.top) / box.height);
  }

  return (
    <nav className="heat-strip" aria-label={t('score.title')} aria-describedby={legendId} onKeyDown={onKeyDown}>
      {/* Mouse only: the keyboard walks the marks, and the table is in the Tab order itself. */}
      <div className="heat-track" ref={track} onClick={onTrackClick}>
        <span className="heat-view" aria-hidden="true" style={{ top: pct(viewTop), height: pct(viewHeight) }} />
        {marks.map((m, i) => {
          const key = `${m.n}:${m.points}`;
          let label = labels.get(key);
          if (label === undefined) {
            const points = t('score.penaltyPoints', { count: m.points, value: num.format(m.points) });
            labels.set(key, (label = t('score.heat', { n: m.n, points })));
          }
          return (
            <button
              key={m.segmentId}
              type="button"
              className="heat-cell"
              tabIndex={i === focusable ? 0 : -1}
              data-hot="true"
              style={{ '--heat': m.points / max, top: pct(m.top), height: pct(m.height) } as React.CSSProperties}
              title={label}
              aria-label={label}
              onFocus={() => setCurrent(i)}
              onClick={() => onGoTo(m.segmentId)}
            />
          );
        })}
      </div>
      <div className="heat-legend" id={legendId} title={t('score.heatLegend', { max: num.format(max) })}>
        <span className="visually-hidden">{t('score.heatLegend', { max: num.format(max) })}</span>
        <span className="heat-legend-max" aria-hidden="true">
          {num.format(max)}
        </span>
        <span className="heat-legend-scale" aria-hidden="true" />
        <span className="heat-legend-min" aria-hidden="true">
          0
        </span>
      </div>
    </nav>
  );
});
