import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDisplayName } from '../../../lib/user-directory';
import { useErrorText } from '../../../lib/use-error-text';
import { mentionHref, mentionQueries, useMarkRead } from '../api';
import { useDateTimeFormat } from '../../../lib/use-date-format';
import { isolated } from '../../../lib/isolated';

/** Every comment that @mentioned me, newest first, read or not: a mention reaches someone who was offline. */
export function MentionsPage() {
  const { t } = useTranslation('workspace');
  const { t: tc } = useTranslation('common');
  const errorText = useErrorText();
  const displayName = useDisplayName();
  const q = useQuery(mentionQueries.list());
  const markRead = useMarkRead();
  const when = useDateTimeFormat();
  if (q.isPending) return <p className="page-state">{tc('state.loading')}</p>;
  if (q.isError)
    return (
      <p className="page-state" role="alert">
        {errorText(q.error)}
      </p>
    );
  const list = [...q.data].sort((a, b) => b.at.localeCompare(a.at));
  const unread = list.filter((m) => !m.read).map((m) => m.id);
  return (
    <section className="mentions-page" aria-labelledby="mentions-title">
      <h1 id="mentions-title">{t('mentions.title')}</h1>
      {unread.length > 0 && (
        <button type="button" disabled={markRead.isPending} onClick={() => markRead.mutate(unread)}>
          {t('mentions.markAllRead')}
        </button>
      )}
      {list.length === 0 ? (
        <p className="empty">{t('mentions.empty')}</p>
      ) : (
        <ol className="mention-list-page">
          {list.map((m) => (
            <li key={m.id} className={m.read ? 'mention read' : 'mention unread'}>
              <p className="mention-meta">
                <span className={`mention-state ${m.read ? 'muted' : ''}`}>
                  {m.read ? t('mentions.read') : t('mentions.unread')}
                </span>{' '}
                · <strong>{isolated((slot) => t('mentions.by', { name: slot(displayName(m.by)) }))}</strong> ·{' '}
                <time dateTime={m.at}>{when.format(new Date(m.at))}</time>
              </p>
              <blockquote dir="auto">{m.text}</blockquote>
              <p className="mention-actions">
                <Link to={mentionHref(m)} onClick={() => !m.read && markRead.mutate([m.id])}>
                  {t('mentions.open')} — {m.documentTitle}
                </Link>
                {!m.read && (
                  <button type="button" className="link-button" onClick={() => markRead.mutate([m.id])}>
                    {t('mentions.markRead')}
                  </button>
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
