import { useTranslation } from 'react-i18next';
import { wordDiff } from '../../../../shared/word-diff';

/** Track changes: deletions struck through, insertions underlined (not colour alone), in the text's direction. */
export function DiffView({
  before,
  after,
  lang,
  dir,
}: {
  before: string;
  after: string;
  lang: string;
  dir: 'ltr' | 'rtl';
}) {
  const { t } = useTranslation('workspace');
  const parts = wordDiff(before, after, lang);
  return (
    <p className="diff" lang={lang} dir={dir}>
      {parts.map((p, i) =>
        p.kind === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === 'added' ? (
          <ins key={i} aria-label={t('history.inserted', { text: p.text })}>
            {p.text}
          </ins>
        ) : (
          <del key={i} aria-label={t('history.deleted', { text: p.text })}>
            {p.text}
          </del>
        ),
      )}
    </p>
  );
}
