import { useTranslation } from 'react-i18next';
import type { Guidance } from '../../../../shared/guidelines';

/** A choice's definition and example, under the field where it is made (referenced by aria-describedby). */
export function GuidanceNote({ id, guidance }: { id: string; guidance: Guidance }) {
  const { t } = useTranslation('guidelines');
  return (
    <div id={id} className="guidance-note">
      <p>{t('definition', { text: guidance.definition })}</p>
      {guidance.example && <p className="muted">{t('example', { text: guidance.example })}</p>}
    </div>
  );
}
