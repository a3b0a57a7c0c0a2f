import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MQM_CATEGORY_GROUPS } from '../../../../shared/mqm';
import { SEGMENT_STATUSES } from '../../../../shared/schemas';
import { NO_FILTER, type SegmentFilter } from '../../../../shared/search/filter';
import { numberFormat } from '../../../lib/number-format';

interface Props {
  filter: SegmentFilter;
  onChange: (filter: SegmentFilter) => void;
  active: boolean;
  shown: number;
  total: number;
  loading: boolean;
}

const FLAGS = ['openFlags', 'findings', 'changed'] as const;

/** Which segments show: by status, open flags, findings, changed since approval, flags of a category. */
export function FilterBar({ filter, onChange, active, shown, total, loading }: Props) {
  const { t, i18n } = useTranslation('workspace');
  const id = useId();
  const num = numberFormat(i18n.language);
  const toggleStatus = (s: SegmentFilter['statuses'][number], on: boolean) =>
    onChange({ ...filter, statuses: on ? [...filter.statuses, s] : filter.statuses.filter((x) => x !== s) });
  // Folded away until wanted (the rows keep the room); open whenever a filter is on.
  const [open, setOpen] = useState(active);
  useEffect(() => {
    if (active) setOpen(true);
  }, [active]);
  return (
    <details className="filter-details" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {t('filter.summary')}
        {active &&
          !loading &&
          ` (${t('filter.shown', { count: total, shown: num.format(shown), total: num.format(total) })})`}
      </summary>
      <fieldset className="filter-bar">
        <legend>{t('filter.label')}</legend>
        <div className="find-row">
          {SEGMENT_STATUSES.map((s) => (
            <label key={s}>
              <input
                type="checkbox"
                checked={filter.statuses.includes(s)}
                onChange={(e) => toggleStatus(s, e.target.checked)}
              />
              {t(`status.${s}`)}
            </label>
          ))}
        </div>
        <div className="find-row">
          {FLAGS.map((k) => (
            <label key={k}>
              <input
                type="checkbox"
                checked={filter[k]}
                onChange={(e) => onChange({ ...filter, [k]: e.target.checked })}
              />
              {t(`filter.${k}`)}
            </label>
          ))}
          <label htmlFor={`${id}-cat`}>{t('filter.category')}</label>
          <select
            id={`${id}-cat`}
            value={filter.category ?? ''}
            onChange={(e) => onChange({ ...filter, category: e.target.value || null })}
          >
            <option value="">{t('filter.anyCategory')}</option>
            {MQM_CATEGORY_GROUPS.map((g) =>
              g.categories.length === 1 ? (
                <option key={g.group} value={g.categories[0]}>
                  {t(`categories.${g.categories[0]}`)}
                </option>
              ) : (
                <optgroup key={g.group} label={t(`categories.group.${g.group}`)}>
                  <option value={g.group}>{t('filter.wholeGroup', { group: t(`categories.group.${g.group}`) })}</option>
                  {g.categories
                    .filter((c) => c !== g.group)
                    .map((c) => (
                      <option key={c} value={c}>
                        {t(`categories.${c}`)}
                      </option>
                    ))}
                </optgroup>
              ),
            )}
          </select>
          <span role="status" className="find-count">
            {loading
              ? t('filter.loading')
              : active
                ? t('filter.shown', { count: total, shown: num.format(shown), total: num.format(total) })
                : ''}
          </span>
          {active && (
            <button type="button" onClick={() => onChange(NO_FILTER)}>
              {t('filter.clear')}
            </button>
          )}
        </div>
      </fieldset>
    </details>
  );
}
