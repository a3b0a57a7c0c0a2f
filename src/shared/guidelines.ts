import { z } from 'zod';
import { MQM_CATEGORIES, SEVERITIES, type MqmCategory, type Severity } from './mqm';

/** What a guideline says of one category or severity: when to choose it, and an example. */
export const GuidanceSchema = z.object({
  definition: z.string().trim().max(2_000),
  example: z.string().trim().max(2_000).default(''),
});
export type Guidance = z.infer<typeof GuidanceSchema>;

/**
 * A document's (project's) guidelines, as an editor attaches them: free text shown on the Guidelines tab, and
 * definitions that replace the defaults (MQM in our words, locales/<lang>/guidelines.json) for some
 * categories or severities. Anything left out falls back to the default, in the interface language.
 */
export const GuidelinesSchema = z.object({
  text: z.string().max(50_000).default(''),
  categories: z.partialRecord(z.enum(MQM_CATEGORIES), GuidanceSchema).default({}),
  severities: z.partialRecord(z.enum(SEVERITIES), GuidanceSchema).default({}),
});
export type Guidelines = z.infer<typeof GuidelinesSchema>;

/** PUT /api/documents/:id/guidelines: the file's contents (null removes them) and its name. */
export const GuidelinesBodySchema = z.object({
  guidelines: GuidelinesSchema.nullable(),
  fileName: z.string().trim().max(300).nullable().default(null),
});

/** The project's own guidance for a choice, when its guidelines give one (else the caller uses the default). */
export function projectGuidance(
  guidelines: Guidelines | null | undefined,
  choice: { category: MqmCategory } | { severity: Severity },
): Guidance | undefined {
  if (!guidelines) return undefined;
  return 'category' in choice ? guidelines.categories[choice.category] : guidelines.severities[choice.severity];
}
