import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LOW_CONFIDENCE, mergeBeadWithNext, splitBead, unpairBead } from '../../../../shared/align/edit-beads';
import { languageDirection } from '../../../../shared/lang/direction';
import { joinSeparator } from '../../../../shared/text-join';
import { useErrorText } from '../../../lib/use-error-text';
import { useCreateDocument, type AlignPreview } from '../align-api';

interface Props {
  preview: AlignPreview;
  title: string;
  sourceLang: string;
  targetLang: string;
  onBack: () => void;
}

/**
 * The aligner's proposed pairs before the document is created: the reviewer merges a pair with the next,
 * splits one of several sentences, or unpairs one; pairs the aligner is unsure of are marked.
 */
export function AlignPreviewTable({ preview, title, sourceLang, targetLang, onBack }: Props) {
  const { t } = useTranslation('documents');
  const errorText = useErrorText();
  const navigate = useNavigate();
  const create = useCreateDocument();
  const [beads, setBeads] = useState(preview.alignments);
  const text = (units: string[], ids: number[], lang: string) => ids.map((i) => units[i]).join(joinSeparator(lang));
  const low = beads.filter((b) => b.score < LOW_CONFIDENCE).length;

  function submit() {
    const segments = beads.map((b) => ({
      source: text(preview.source, b.source, sourceLang),
      target: text(preview.target, b.target, targetLang),
    }));
    create.mutate(
      { title, sourceLang, targetLang, segments },
      { onSuccess: (doc) => void navigate(`/documents/${encodeURIComponent(doc.id)}`) },
    );
  }

  return (
    <section className="align-preview" aria-labelledby="align-preview-title">
      <h3 id="align-preview-title">{t('align.title')}</h3>
      <p className="help" aria-live="polite">
        {t('align.summary', { count: beads.length, low })}
      </p>
      <table className="align-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('align.source')}</th>
            <th scope="col">{t('align.target')}</th>
            <th scope="col">{t('align.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {beads.map((b, i) => {
            const n = i + 1;
            const unsure = b.score < LOW_CONFIDENCE;
            return (
              <tr key={`${b.source.join(',')}:${b.target.join(',')}`} className={unsure ? 'align-low' : undefined}>
                <th scope="row">
                  {n}
                  {unsure && <span className="align-low-note"> {t('align.low')}</span>}
                </th>
                <td lang={sourceLang} dir={languageDirection(sourceLang)}>
                  {text(preview.source, b.source, sourceLang)}
                </td>
                <td lang={targetLang} dir={languageDirection(targetLang)}>
                  {text(preview.target, b.target, targetLang)}
                </td>
                <td>
                  <div className="align-actions">
                    {i + 1 < beads.length && (
                      <button type="button" className="small" onClick={() => setBeads(mergeBeadWithNext(beads, i))}>
                        {t('align.merge', { n })}
                      </button>
                    )}
                    {(b.source.length > 1 || b.target.length > 1) && (
                      <button type="button" className="small" onClick={() => setBeads(splitBead(beads, i))}>
                        {t('align.split', { n })}
                      </button>
                    )}
                    {b.source.length > 0 && b.target.length > 0 && (
                      <button type="button" className="small" onClick={() => setBeads(unpairBead(beads, i))}>
                        {t('align.unpair', { n })}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {create.isError && (
        <p className="form-error" role="alert">
          {errorText(create.error)}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onBack}>
          {t('align.back')}
        </button>
        <button type="button" className="primary" disabled={create.isPending} onClick={submit}>
          {t('align.create', { count: beads.length })}
        </button>
      </div>
    </section>
  );
}
