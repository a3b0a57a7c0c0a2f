import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { importPlainTexts } from '../../../../shared/formats/import-text';
import { useErrorText } from '../../../lib/use-error-text';
import { languageDirection } from '../../../../shared/lang/direction';
import { useImportText } from '../api';
import { useAlignPreview } from '../align-api';
import { AlignPreviewTable } from './align-preview';
import { LanguageCombobox } from './language-combobox';

type Pairing = 'in-order' | 'sentence' | 'paragraph';

export function ImportForm() {
  const { t } = useTranslation('documents');
  const errorText = useErrorText();
  const navigate = useNavigate();
  const importText = useImportText();
  const ids = useId();
  const [title, setTitle] = useState('');
  const [sourceLang, setSourceLang] = useState('ar');
  const [targetLang, setTargetLang] = useState('fr');
  const [sourceText, setSourceText] = useState('');
  const [targetText, setTargetText] = useState('');
  const [wrapped, setWrapped] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [pairing, setPairing] = useState<Pairing>('in-order');
  const align = useAlignPreview();
  const [reviewing, setReviewing] = useState(false);
  const breaks = wrapped ? 'blank-line' : 'line';
  const count = importPlainTexts(sourceText, targetText, breaks).length;

  async function readFile(e: ChangeEvent<HTMLInputElement>, set: (text: string) => void) {
    const file = e.target.files?.[0];
    if (!file) return;
    try {
      set(await file.text());
      if (!title) setTitle(file.name.replace(/\.[^.]+$/, ''));
      setProblem(null);
    } catch {
      setProblem(t('create.fileError'));
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (count === 0) {
      setProblem(t('create.needText'));
      return;
    }
    setProblem(null);
    if (pairing !== 'in-order') {
      align.mutate(
        { sourceLang, targetLang, sourceText, targetText, unit: pairing, paragraphBreak: breaks },
        { onSuccess: () => setReviewing(true) },
      );
      return;
    }
    importText.mutate(
      { title, sourceLang, targetLang, sourceText, targetText, paragraphBreak: breaks },
      { onSuccess: (doc) => void navigate(`/documents/${encodeURIComponent(doc.id)}`) },
    );
  }

  if (reviewing && align.data) {
    return (
      <section className="import-form" aria-labelledby={`${ids}-h`}>
        <h2 id={`${ids}-h`}>{t('create.heading')}</h2>
        <AlignPreviewTable
          preview={align.data}
          title={title}
          sourceLang={sourceLang}
          targetLang={targetLang}
          onBack={() => setReviewing(false)}
        />
      </section>
    );
  }

  return (
    <section className="import-form" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('create.heading')}</h2>
      <p className="help">{t('create.help')}</p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${ids}-title`}>{t('create.titleLabel')}</label>
          <input
            id={`${ids}-title`}
            type="text"
            required
            value={title}
            dir="auto"
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="lang-row">
          <LanguageCombobox label={t('create.sourceLang')} value={sourceLang} onChange={setSourceLang} />
          <LanguageCombobox label={t('create.targetLang')} value={targetLang} onChange={setTargetLang} />
        </div>
        <div className="text-row">
          <div className="field">
            <label htmlFor={`${ids}-src`}>{t('create.sourceText')}</label>
            <textarea
              id={`${ids}-src`}
              rows={8}
              value={sourceText}
              lang={sourceLang}
              dir={languageDirection(sourceLang)}
              onChange={(e) => setSourceText(e.target.value)}
            />
            <input
              type="file"
              accept=".txt,text/plain"
              aria-label={t('create.upload', { side: t('create.sideSource') })}
              onChange={(e) => void readFile(e, setSourceText)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${ids}-tgt`}>{t('create.targetText')}</label>
            <textarea
              id={`${ids}-tgt`}
              rows={8}
              value={targetText}
              lang={targetLang}
              dir={languageDirection(targetLang)}
              onChange={(e) => setTargetText(e.target.value)}
            />
            <input
              type="file"
              accept=".txt,text/plain"
              aria-label={t('create.upload', { side: t('create.sideTarget') })}
              onChange={(e) => void readFile(e, setTargetText)}
            />
          </div>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={wrapped} onChange={(e) => setWrapped(e.target.checked)} />
          {t('create.wrapped')}
        </label>
        <fieldset className="pairing">
          <legend>{t('create.pairing.legend')}</legend>
          {(['in-order', 'sentence', 'paragraph'] as const).map((p) => (
            <label key={p} className="checkbox">
              <input type="radio" name="pairing" checked={pairing === p} onChange={() => setPairing(p)} />
              {t(p === 'in-order' ? 'create.pairing.inOrder' : `create.pairing.${p}`)}
            </label>
          ))}
        </fieldset>
        {pairing === 'in-order' && (
          <p className="preview" aria-live="polite">
            {t('create.preview', { count })}
          </p>
        )}
        {(problem || importText.isError || align.isError) && (
          <p className="form-error" role="alert">
            {problem ?? errorText(importText.isError ? importText.error : align.error)}
          </p>
        )}
        <button type="submit" className="primary" disabled={importText.isPending || align.isPending}>
          {pairing !== 'in-order'
            ? t('create.pairing.preview')
            : importText.isPending
              ? t('create.submitting')
              : t('create.submit')}
        </button>
      </form>
    </section>
  );
}
