import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MQM_CATEGORY_GROUPS, SEVERITIES } from '../../../../shared/mqm';
import type { Permission } from '../../../../shared/permissions';
import { FLAG_STATUSES, type Flag, type Segment } from '../../../../shared/schemas';
import { byId, positionOf } from '../../../../shared/state-index';
import { documentQueries } from '../../../lib/document-queries';
import type { PanelAction } from '../lib/flag-actions';
import { FlagItem } from './flag-item';

export { flagActions, type FlagLock, type PanelAction } from '../lib/flag-actions';

interface Props {
  docId: string;
  me: string;
  can: (p: Permission) => boolean;
  flags: readonly Flag[];
  segments: readonly Segment[];
  targetLang: string;
  sourceLang: string;
  activeFlagId: string | undefined;
  busyFlagId: string | undefined;
  onGoTo: (flag: Flag) => void;
  onAction: (flag: Flag, action: PanelAction) => void;
}

export function FlagPanel(props: Props) {
  const { docId, me, can, flags, segments, sourceLang, targetLang, activeFlagId, busyFlagId, onGoTo, onAction } = props;
  const { t } = useTranslation('workspace');
  // The document's status, read from the cache the workspace filled (no request of its own).
  const { data: documentStatus } = useQuery({
    ...documentQueries.detail(docId),
    select: (d) => d.status,
    enabled: false,
  });
  const [category, setCategory] = useState('');
  const [severity, setSeverity] = useState('');
  const [status, setStatus] = useState('');
  const id = useId();
  // Positions through the segments' shared id index: no map of every segment built per edit.
  const sorted = useMemo(() => {
    const at = (id: string) => positionOf(segments, id);
    return [...flags].sort(
      (a, b) =>
        at(a.segmentId) - at(b.segmentId) ||
        (a.side === b.side ? 0 : a.side === 'source' ? -1 : 1) ||
        a.anchor.start - b.anchor.start,
    );
  }, [flags, segments]);
  const numberOf = useMemo(() => new Map(sorted.map((f, i) => [f, i + 1])), [sorted]);
  const shown = sorted.filter(
    (f) =>
      (!category || f.category === category) &&
      (!severity || f.severity === severity) &&
      (!status || f.status === status),
  );

  return (
    <aside className="flag-panel" aria-labelledby="flag-panel-title">
      <h2 id="flag-panel-title">
        {t('panel.title')} <span className="count">({t('panel.count', { count: flags.length })})</span>
      </h2>
      <div className="filters" role="group" aria-label={t('panel.filters')}>
        <div className="filter">
          <label htmlFor={`${id}-category`}>{t('panel.filterCategory')}</label>
          <select id={`${id}-category`} value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('panel.allCategories')}</option>
            {MQM_CATEGORY_GROUPS.flatMap((g) => g.categories).map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={`${id}-severity`}>{t('panel.filterSeverity')}</label>
          <select id={`${id}-severity`} value={severity} onChange={(e) => setSeverity(e.target.value)}>
            <option value="">{t('panel.allSeverities')}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`severity.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={`${id}-status`}>{t('panel.filterStatus')}</label>
          <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('panel.allStatuses')}</option>
            {FLAG_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`flagStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {flags.length === 0 ? (
        <p className="empty">{t('panel.empty')}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{t('panel.noMatch')}</p>
      ) : (
        <ol className="flag-list">
          {shown.map((f) => {
            const segNo = Math.max(0, positionOf(segments, f.segmentId)) + 1;
            const n = numberOf.get(f)!;
            const lang = f.side === 'source' ? sourceLang : targetLang;
            return (
              <FlagItem
                key={f.id}
                docId={docId}
                flag={f}
                n={n}
                segNo={segNo}
                lang={lang}
                active={f.id === activeFlagId}
                busy={busyFlagId === f.id}
                segmentStatus={byId(segments, f.segmentId)?.status}
                documentStatus={documentStatus}
                me={me}
                can={can}
                onGoTo={onGoTo}
                onAction={onAction}
              />
            );
          })}
        </ol>
      )}
    </aside>
  );
}
