import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DOCUMENT_STATUSES, type DocumentListEntry } from '../../../../shared/schemas';
import { useDateTimeFormat } from '../../../lib/use-date-format';
import { useLangName } from '../../../lib/use-lang-name';
import { findingsCountsQuery } from '../api';
import {
  arrange,
  documentStatus,
  viewFromParams,
  viewToParams,
  type ListView,
  type SortKey,
} from '../lib/document-list';
import '../document-list.css';
import { DocumentActions } from './document-actions';
import { OriginCell } from './origin-cell';
import { numberFormat } from '../../../lib/number-format';

const NUMERIC: readonly SortKey[] = ['progress', 'segments', 'openFlags', 'findings'];

/** Every document with its progress; searchable by title, filterable by status, sortable by any column. */
export function DocumentTable({ entries }: { entries: readonly DocumentListEntry[] }) {
  const { t, i18n } = useTranslation('documents');
  const id = useId();
  const langName = useLangName();
  const [params, setParams] = useSearchParams();
  // Shown at once (the URL follows in a transition: typing in the search box must not wait for it), and
  // taken from the URL when it changes otherwise (a link, back and forward).
  const search = params.toString();
  const [view, setLocal] = useState(() => viewFromParams(params));
  const [seen, setSeen] = useState(search);
  // URLs this list wrote itself: arriving late (typing outruns the transitions), they must not undo keystrokes.
  const [written] = useState(() => new Set<string>());
  if (seen !== search) {
    setSeen(search);
    if (!written.delete(search)) setLocal(viewFromParams(params));
  }
  const setView = (change: Partial<ListView>) => {
    const next = { ...view, ...change };
    const url = viewToParams(next);
    written.add(url.toString());
    setLocal(next);
    setParams(url, { replace: true });
  };
  const findings = useQuery(findingsCountsQuery());
  const shown = arrange(entries, view, i18n.language, findings.data);
  const num = numberFormat(i18n.language);
  const pct = numberFormat(i18n.language, { style: 'percent' });
  const dateFormat = useDateTimeFormat();
  const known = (lang: string) => (lang === 'und' ? '—' : langName(lang));

  const header = (key: SortKey) => {
    const sorted = view.sort === key;
    const next = sorted && view.dir === 'asc' ? 'desc' : sorted ? 'asc' : key === 'updated' ? 'desc' : 'asc';
    return (
      <th
        scope="col"
        className={NUMERIC.includes(key) ? 'num' : undefined}
        aria-sort={sorted ? (view.dir === 'asc' ? 'ascending' : 'descending') : undefined}
      >
        <button type="button" className="sort-button" onClick={() => setView({ sort: key, dir: next })}>
          {t(`columns.${key}`)}
        </button>
      </th>
    );
  };

  return (
    <>
      <div className="list-tools" role="search" aria-label={t('list.tools')}>
        <label htmlFor={`${id}-q`}>{t('list.search')}</label>
        <input id={`${id}-q`} type="search" value={view.q} onChange={(e) => setView({ q: e.target.value })} />
        <label htmlFor={`${id}-status`}>{t('list.status')}</label>
        <select
          id={`${id}-status`}
          value={view.status ?? ''}
          onChange={(e) => setView({ status: documentStatus(e.target.value) })}
        >
          <option value="">{t('list.anyStatus')}</option>
          {DOCUMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
        <span role="status">
          {t('list.shown', { count: shown.length, shown: num.format(shown.length), total: num.format(entries.length) })}
        </span>
      </div>
      <div className="table-scroll">
        <table className="doc-table">
          <caption className="visually-hidden">{t('title')}</caption>
          <thead>
            <tr>
              {header('title')}
              {header('languages')}
              <th scope="col">{t('origin.column')}</th>
              {header('status')}
              {header('progress')}
              {header('segments')}
              {header('openFlags')}
              {header('findings')}
              {header('updated')}
              <th scope="col">{t('manage.column')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((d) =>
              d.available === false ? (
                // Greyed and not a link: it cannot be opened until someone repairs its files.
                <tr key={d.id} className="unavailable" aria-disabled="true">
                  <td>
                    <span dir="auto">{d.title}</span> <span className="badge">{t('unavailable.badge')}</span>
                    <p className="unavailable-reason">
                      {t('unavailable.reason')} <span dir="ltr">{d.error?.message}</span>
                    </p>
                  </td>
                  <td>{t('languagePair', { source: known(d.sourceLang), target: known(d.targetLang) })}</td>
                  <OriginCell origin={d.origin} />
                  <td>—</td>
                  <td className="num">—</td>
                  <td className="num">—</td>
                  <td className="num">—</td>
                  <td className="num">—</td>
                  <td>
                    {d.seq > 0 ? <time dateTime={d.updatedAt}>{dateFormat.format(new Date(d.updatedAt))}</time> : '—'}
                  </td>
                  <td />
                </tr>
              ) : (
                <tr key={d.id} className={d.archived ? 'archived' : undefined}>
                  <td>
                    <Link to={`/documents/${encodeURIComponent(d.id)}`} dir="auto">
                      {d.title}
                    </Link>
                    {d.archived && <span className="badge">{t('manage.archivedBadge')}</span>}
                  </td>
                  <td>{t('languagePair', { source: langName(d.sourceLang), target: langName(d.targetLang) })}</td>
                  <OriginCell origin={d.origin} />
                  <td>{t(`status.${d.status}`)}</td>
                  <td className="num">
                    {t('list.progress', {
                      approved: num.format(d.approvedCount),
                      total: num.format(d.segmentCount),
                      percent: pct.format(d.segmentCount === 0 ? 0 : d.approvedCount / d.segmentCount),
                    })}
                  </td>
                  <td className="num">{num.format(d.segmentCount)}</td>
                  <td className="num">{num.format(d.openFlagCount)}</td>
                  <td className="num">
                    {findings.data?.[d.id] !== undefined ? num.format(findings.data[d.id]!) : '…'}
                  </td>
                  <td>
                    <time dateTime={d.updatedAt}>{dateFormat.format(new Date(d.updatedAt))}</time>
                  </td>
                  <DocumentActions doc={d} />
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
