import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../../lib/session';
import { mentionQueries } from '../api';

/** The header's way to the Mentions list, with the number not yet read. */
export function MentionsLink() {
  const { t } = useTranslation('workspace');
  const user = useCurrentUser();
  const { data } = useQuery({ ...mentionQueries.list(), enabled: !!user });
  if (!user) return null;
  const unread = data?.filter((m) => !m.read).length ?? 0;
  return (
    <Link to="/mentions" className="mentions-link">
      {unread > 0 ? t('mentions.link', { count: unread }) : t('mentions.title')}
    </Link>
  );
}
