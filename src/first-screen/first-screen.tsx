import type { DocumentState, Segment } from '../shared/schemas';
import { languageDirection } from '../shared/lang/direction';
import { SegmentsHead } from './segments-head';

/**
 * The workspace's first screen, drawn by the server into the page it sends (issue #10: a cold load on a slow
 * network). The app's code is ~230 kB; at 50 KB/s it arrives seconds after the page. Meanwhile this shows the
 * document's first rows, with their translation cells already editable: what is typed there is handed to the
 * app when it takes over (handover.ts), saved like any edit, with the focus and caret where they were.
 *
 * Plain markup only: no script runs it and the Content-Security-Policy allows no inline style. Rendered with
 * react-dom/server (the server's first-screen.ts), so every text is escaped by React. The one piece of markup
 * both sides use: it lives outside src/client and src/server, and imports only src/shared.
 */

/** At most this many rows, and about this much text: a screen or two, not a large document's megabytes. */
export const FIRST_SCREEN_ROWS = 40;
export const FIRST_SCREEN_CHARS = 20_000;

/** The strings it shows, in the user's interface language (the server's i18next instance). */
export type FirstScreenT = (key: string, options?: Record<string, unknown>) => string;

export interface FirstScreenProps {
  doc: DocumentState;
  /** The `workspace` and `common` namespaces: keys are given with their namespace (`workspace:table.label`). */
  t: FirstScreenT;
  /** Language names in the interface language. */
  langName: (tag: string) => string;
  /** The user may edit translations (segment.edit). */
  canEdit: boolean;
}

/** The first rows shown: up to FIRST_SCREEN_ROWS, stopping once FIRST_SCREEN_CHARS of text are reached. */
export function firstRows(segments: readonly Segment[]): readonly Segment[] {
  let chars = 0;
  let n = 0;
  while (n < segments.length && n < FIRST_SCREEN_ROWS && chars < FIRST_SCREEN_CHARS) {
    chars += segments[n]!.source.length + segments[n]!.target.length;
    n++;
  }
  return segments.slice(0, n);
}

export function FirstScreen({ doc, t, langName, canEdit }: FirstScreenProps) {
  const source = { lang: doc.sourceLang, dir: languageDirection(doc.sourceLang) };
  const target = { lang: doc.targetLang, dir: languageDirection(doc.targetLang) };
  const rows = firstRows(doc.segments);
  // The column headings, also shown above each cell where narrow screens hide the header row (as the app does).
  const sourceHead = t('workspace:table.source', { lang: langName(doc.sourceLang) });
  const targetHead = t('workspace:table.target', { lang: langName(doc.targetLang) });
  return (
    <div className="app first-screen">
      <header className="app-header">
        <a href="/" className="brand">
          Vis-à-vis
        </a>
        <span className="tagline">{t('common:tagline')}</span>
      </header>
      <main>
        <div className="ws-header">
          <div className="ws-title">
            <a href="/" className="back-link">
              <span className="dir-icon" aria-hidden="true">
                ←
              </span>{' '}
              {t('workspace:back')}
            </a>
            <h1>
              <bdi>{doc.title}</bdi>
            </h1>
            <p className="ws-meta">
              {t('workspace:meta', {
                source: langName(doc.sourceLang),
                target: langName(doc.targetLang),
                count: doc.segments.length,
              })}
            </p>
          </div>
        </div>
        <p className="first-screen-state" role="status">
          {t('workspace:firstScreen.loading')}
        </p>
        <div className="ws-table-wrap">
          <table className="segments" aria-rowcount={doc.segments.length + 1}>
            <SegmentsHead
              labels={{
                caption: t('workspace:table.label'),
                number: t('workspace:table.number'),
                status: t('workspace:table.status'),
                source: sourceHead,
                target: targetHead,
              }}
            />
            <tbody>
              {rows.map((s, i) => {
                const n = i + 1;
                const locked = !canEdit || s.readOnly === true || s.status === 'approved' || doc.status === 'approved';
                return (
                  <tr key={s.id} className="segment-row" data-segment-id={s.id} aria-rowindex={i + 2}>
                    <th scope="row" className="seg-number">
                      {n}
                    </th>
                    <td className="seg-status">
                      <span className={`status-badge status-${s.readOnly ? 'locked' : s.status}`}>
                        {t(s.readOnly ? 'workspace:status.notTranslatable' : `workspace:status.${s.status}`)}
                      </span>
                    </td>
                    <td className="seg-cell seg-source" data-label={sourceHead}>
                      {s.source === '' ? (
                        <p className="empty-side">{t('workspace:segment.noSource')}</p>
                      ) : (
                        <div className="first-screen-text" lang={source.lang} dir={source.dir}>
                          {s.source}
                        </div>
                      )}
                    </td>
                    <td className="seg-cell seg-target" data-label={targetHead}>
                      {/* The app's cell is a textarea too (highlighted-text.tsx): same name, same place. */}
                      <textarea
                        className="cell-text first-screen-cell"
                        lang={target.lang}
                        dir={target.dir}
                        aria-label={t('workspace:segment.targetLabel', { n })}
                        aria-readonly={locked || undefined}
                        readOnly={locked}
                        placeholder={t('workspace:segment.noTarget')}
                        rows={Math.min(12, Math.max(2, Math.ceil(s.target.length / 60) + 1))}
                        spellCheck={!locked}
                        data-segment-id={s.id}
                        defaultValue={s.target}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </main>
    </div>
  );
}
