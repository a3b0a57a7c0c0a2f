import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplaceProblem, Segment } from '../../../../shared/schemas';
import { matchKey, planReplace } from '../../../../shared/search/replace';
import type { SearchMatch } from '../../../../shared/search/search';
import { ApiError } from '../../../lib/api';
import { useErrorText } from '../../../lib/use-error-text';
import { useModal } from '../../../lib/use-modal';
import { useReplace } from '../replace-api';
import { DiffView } from './diff-view';

export interface ReplaceRequest {
  query: string;
  template: string;
  regex: boolean;
  matches: readonly SearchMatch[];
}

interface Props {
  docId: string;
  segments: readonly Segment[];
  request: ReplaceRequest | null;
  lang: string;
  dir: 'ltr' | 'rtl';
  onClose: () => void;
  onDone: (changed: number) => void;
}

/** The preview of a find & replace: every change, before → after per segment, each match to keep or leave. */
export function ReplaceDialog({ request, onClose, ...rest }: Props) {
  const ref = useModal(request !== null);
  return (
    <dialog ref={ref} className="dialog dialog-wide" aria-labelledby="replace-title" onClose={onClose}>
      {request && <ReplacePreview request={request} onClose={onClose} {...rest} />}
    </dialog>
  );
}

function ReplacePreview({ docId, segments, request, lang, dir, onClose, onDone }: Props & { request: ReplaceRequest }) {
  const { t } = useTranslation('workspace');
  const { t: tc } = useTranslation('common');
  const errorText = useErrorText();
  const replace = useReplace(docId);
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const { template, regex, matches } = request;
  // Planned once, on the text as it was when the preview opened: what is sent is what was shown.
  const [all] = useState(() => planReplace(segments, matches, template, regex));
  const chosen = useMemo(
    () => planReplace(segments, matches, template, regex, (m) => !left.has(matchKey(m))),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the preview's segments are those it opened with
    [left],
  );
  const chosenById = new Map(chosen.changes.map((c) => [c.segmentId, c]));
  const codesById = new Map(segments.map((s) => [s.id, s.codes]));
  const count = chosen.changes.reduce((n, c) => n + c.replacements.length, 0);
  const toggle = (key: string) =>
    setLeft((s) => {
      const next = new Set(s);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const problems =
    replace.error instanceof ApiError && replace.error.code === 'REPLACE_CONFLICT'
      ? ((replace.error.details as { problems?: ReplaceProblem[] } | undefined)?.problems ?? [])
      : [];

  function confirm() {
    replace.mutate(
      { changes: chosen.changes.map((c) => ({ segmentId: c.segmentId, baseVersion: c.baseVersion, target: c.after })) },
      { onSuccess: (r) => onDone(r.changed) },
    );
  }

  return (
    <div className="replace-preview">
      <h2 id="replace-title">{t('replace.title', { query: request.query, replacement: template })}</h2>
      <p>
        {t('replace.summary', {
          count: all.changes.reduce((n, c) => n + c.replacements.length, 0),
          segments: all.changes.length,
        })}
      </p>
      {all.locked.length > 0 && <p className="muted">{t('replace.locked', { count: all.locked.length })}</p>}
      {all.changes.length === 0 ? (
        <p>{t('replace.nothing')}</p>
      ) : (
        <ol className="replace-list">
          {all.changes.map((c) => (
            <li key={c.segmentId}>
              <fieldset>
                <legend>{t('replace.segment', { n: c.index + 1 })}</legend>
                <DiffView
                  before={c.before}
                  after={chosenById.get(c.segmentId)?.after ?? c.before}
                  lang={lang}
                  dir={dir}
                  codes={codesById.get(c.segmentId)}
                />
                <ul className="replace-matches">
                  {matches
                    .filter((m) => m.segmentId === c.segmentId && m.side === 'target')
                    .map((m, k) => {
                      const key = matchKey(m);
                      return (
                        <li key={key}>
                          <label>
                            <input type="checkbox" checked={!left.has(key)} onChange={() => toggle(key)} />
                            {t('replace.match', {
                              n: c.index + 1,
                              k: k + 1,
                              text: c.before.slice(m.start, m.end),
                              replacement: c.replacements[k]?.text ?? template,
                            })}
                          </label>
                        </li>
                      );
                    })}
                </ul>
              </fieldset>
            </li>
          ))}
        </ol>
      )}
      {replace.isError && (
        <div role="alert" className="field-error">
          <p>{errorText(replace.error)}</p>
          {problems.length > 0 && (
            <ul>
              {problems.map((p) => (
                <li key={p.segmentId}>
                  {p.n
                    ? t('replace.problem', { n: p.n, reason: errorText(new ApiError(409, p.code, p.message)) })
                    : p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {tc('actions.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={count === 0 || replace.isPending || problems.length > 0}
          onClick={confirm}
        >
          {t('replace.confirm', { count })}
        </button>
      </div>
    </div>
  );
}
