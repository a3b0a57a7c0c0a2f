import { useTranslation } from 'react-i18next';
import type { Flag, FlagChange } from '../../../../shared/schemas';
import { useDateTimeFormat } from '../../../lib/use-date-format';
import { useDisplayName } from '../../../lib/user-directory';

/** A flag's edits and restores, oldest first ("severity minor → major, by …"), and how long it took to create. */
export function FlagHistory({ flag }: { flag: Flag }) {
  const { t, i18n } = useTranslation('workspace');
  const displayName = useDisplayName();
  const when = useDateTimeFormat();
  const value = (c: FlagChange, v: string) => {
    if (c.field === 'category') return t(`categories.${v}` as 'categories.other', { defaultValue: v });
    if (c.field === 'severity') return t(`severity.${v}` as 'severity.minor', { defaultValue: v });
    return `${t('panel.openQuote')}${v}${t('panel.closeQuote')}`;
  };
  const entries = flag.history ?? [];
  if (entries.length === 0 && flag.durationMs === undefined) return null;
  return (
    <ul className="flag-history" aria-label={t('panel.historyLabel')}>
      {flag.durationMs !== undefined && (
        <li className="muted">{t('panel.took', { time: duration(flag.durationMs, i18n.language) })}</li>
      )}
      {entries.map((h, i) => (
        <li key={i}>
          {h.action === 'restored'
            ? t('panel.history.restored', { name: displayName(h.by) })
            : t('panel.history.edited', {
                name: displayName(h.by),
                changes: h.changes
                  .map((c) =>
                    t('panel.history.change', {
                      field: t(`panel.history.field.${c.field}`),
                      from: value(c, c.from),
                      to: value(c, c.to),
                    }),
                  )
                  .join('; '),
              })}{' '}
          · <time dateTime={h.at}>{when.format(new Date(h.at))}</time>
        </li>
      ))}
    </ul>
  );
}

/** "8 s", "2 min" in the interface language (Intl units, no words of our own). */
export function duration(ms: number, lang: string): string {
  const unit = (n: number, u: 'second' | 'minute' | 'hour') =>
    new Intl.NumberFormat(lang, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: 1 }).format(n);
  if (ms < 60_000) return unit(Math.round(ms / 1000), 'second');
  if (ms < 3_600_000) return unit(Math.round(ms / 6_000) / 10, 'minute');
  return unit(Math.round(ms / 360_000) / 10, 'hour');
}
