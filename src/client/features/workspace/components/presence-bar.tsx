import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresenceEntry } from '../../../lib/live-stream';

/** The first letter of each of the first two words: "Amina Benali" → "AB". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return (words.length > 1 ? [words[0]!, words[words.length - 1]!] : words)
    .map((w) => [...w][0]!.toLocaleUpperCase())
    .join('');
}

interface Props {
  users: readonly PresenceEntry[];
  me: string;
  segmentNumber: (segmentId: string) => number | undefined;
}

/**
 * Who has the document open: initials (the full name on hover, and as the accessible name), "(you)" for
 * oneself. Arrivals and departures of others are announced in a polite live region.
 */
export function PresenceBar({ users, me, segmentNumber }: Props) {
  const { t } = useTranslation('workspace');
  const [announcement, setAnnouncement] = useState('');
  const known = useRef<Map<string, string> | null>(null);
  useEffect(() => {
    const now = new Map(users.filter((u) => u.login !== me).map((u) => [u.login, u.displayName]));
    const before = known.current;
    known.current = now;
    if (!before) return;
    const joined = [...now].filter(([login]) => !before.has(login)).map(([, name]) => t('live.joined', { name }));
    const left = [...before].filter(([login]) => !now.has(login)).map(([, name]) => t('live.left', { name }));
    if (joined.length + left.length > 0) setAnnouncement([...joined, ...left].join('. '));
  }, [users, me, t]);

  return (
    <div className="presence">
      <ul className="presence-list" aria-label={t('live.presenceLabel')}>
        {users.map((u) => {
          const n = u.segmentId ? segmentNumber(u.segmentId) : undefined;
          const name = u.login === me ? t('live.you', { name: u.displayName }) : u.displayName;
          const label = n ? t('live.editingSegment', { name, n }) : name;
          return (
            <li key={u.login} className="presence-user" data-me={u.login === me ? 'true' : undefined}>
              <abbr title={label} aria-label={label}>
                {initials(u.displayName)}
              </abbr>
            </li>
          );
        })}
      </ul>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
