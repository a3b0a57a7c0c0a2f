import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { projectGuidance, type Guidance } from '../../../../shared/guidelines';
import type { MqmCategory, Severity } from '../../../../shared/mqm';
import { documentQueries } from '../../../lib/document-queries';

export type GuidanceChoice = { category: MqmCategory } | { severity: Severity };

/**
 * What a category or a severity means, where it is chosen: the project's guidelines when they define it, else
 * the default (MQM in our words, locales/<lang>/guidelines.json) in the interface language.
 */
export function useGuidance(docId: string): (choice: GuidanceChoice) => Guidance {
  const { t } = useTranslation('guidelines');
  const { data: guidelines } = useQuery({
    ...documentQueries.detail(docId),
    select: (d) => d.guidelines ?? null,
    enabled: false,
  });
  return useCallback(
    (choice: GuidanceChoice) => {
      const own = projectGuidance(guidelines, choice);
      if (own) return own;
      const key =
        'category' in choice ? (`categories.${choice.category}` as const) : (`severities.${choice.severity}` as const);
      return { definition: t(`${key}.definition`), example: t(`${key}.example`) };
    },
    [guidelines, t],
  );
}
