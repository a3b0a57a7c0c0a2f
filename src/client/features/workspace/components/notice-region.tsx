import { useTranslation } from 'react-i18next';
import { useDisplayName } from '../../../lib/user-directory';
import type { Notice } from '../lib/notices';

interface Props {
  notices: readonly Notice[];
  onGoTo: (notice: Notice) => void;
  onDismiss: (id: number) => void;
}

/** What others just did that concerns me, each with a way to the place: a polite live region. */
export function NoticeRegion({ notices, onGoTo, onDismiss }: Props) {
  const { t } = useTranslation('workspace');
  const displayName = useDisplayName();
  return (
    <section className="notices" aria-label={t('live.noticesLabel')} aria-live="polite" role="log">
      {notices.map((n) => (
        <div key={n.id} className="notice">
          <p>{t(`live.notice.${n.kind}`, { name: displayName(n.actor), n: n.segment })}</p>
          <div className="notice-actions">
            <button type="button" className="link-button" onClick={() => onGoTo(n)}>
              {t('live.goTo', { n: n.segment })}
            </button>
            <button type="button" className="link-button" onClick={() => onDismiss(n.id)}>
              {t('live.dismiss')}
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
