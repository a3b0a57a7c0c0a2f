import { useTranslation } from 'react-i18next';
import type { InlineCodes } from '../../../../shared/inline-codes';
import { wordDiff } from '../../../../shared/word-diff';
import { ChipText } from './code-chips';

/**
 * Track changes: deletions struck through, insertions underlined (not colour alone), in the text's direction.
 * Inline codes (`codes`, the segment's) are drawn as chips with their markup on hover, as in the cells: a bare
 * private-use character shows as an empty box.
 */
export function DiffView({
  before,
  after,
  lang,
  dir,
  codes,
}: {
  before: string;
  after: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  codes?: InlineCodes | undefined;
}) {
  const { t } = useTranslation('workspace');
  const parts = wordDiff(before, after, lang);
  return (
    <p className="diff" lang={lang} dir={dir}>
      {parts.map((p, i) =>
        p.kind === 'same' ? (
          <span key={i}>
            <ChipText text={p.text} codes={codes} titled />
          </span>
        ) : p.kind === 'added' ? (
          <ins key={i} aria-label={t('history.inserted', { text: p.text })}>
            <ChipText text={p.text} codes={codes} titled />
          </ins>
        ) : (
          <del key={i} aria-label={t('history.deleted', { text: p.text })}>
            <ChipText text={p.text} codes={codes} titled />
          </del>
        ),
      )}
    </p>
  );
}
