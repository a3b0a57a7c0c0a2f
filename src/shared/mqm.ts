import { z } from 'zod';

// MQM core typology, reduced to what the flag dialog offers (https://themqm.org/error-types-2/typology/).
export const MQM_CATEGORY_GROUPS = [
  {
    group: 'accuracy',
    categories: ['accuracy/mistranslation', 'accuracy/omission', 'accuracy/addition', 'accuracy/untranslated'],
  },
  {
    group: 'fluency',
    categories: [
      'fluency/grammar',
      'fluency/spelling',
      'fluency/punctuation',
      'fluency/inconsistency',
      'fluency/register',
    ],
  },
  { group: 'terminology', categories: ['terminology'] },
  { group: 'style', categories: ['style'] },
  { group: 'locale', categories: ['locale-convention'] },
  { group: 'other', categories: ['non-translation', 'source-error', 'other'] },
] as const;

type Group = (typeof MQM_CATEGORY_GROUPS)[number];
export type MqmCategory = Group['categories'][number];
export type MqmGroup = Group['group'];

export const MQM_CATEGORIES = MQM_CATEGORY_GROUPS.flatMap((g) => g.categories) as unknown as readonly [
  MqmCategory,
  ...MqmCategory[],
];
export const MqmCategorySchema = z.enum(MQM_CATEGORIES);

export const SEVERITIES = ['neutral', 'minor', 'major', 'critical'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

/** MQM default severity weights. */
export const DEFAULT_SEVERITY_WEIGHTS: Record<Severity, number> = { neutral: 0, minor: 1, major: 5, critical: 25 };

export function groupOf(category: MqmCategory): MqmGroup {
  const found = MQM_CATEGORY_GROUPS.find((g) => (g.categories as readonly string[]).includes(category));
  return found ? found.group : 'other';
}
