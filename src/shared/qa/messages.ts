import type { CheckId, Finding } from './types';

/**
 * English message templates, by check id then variant: a finding's key `qa.<checkId>.<variant>` is
 * `QA_MESSAGES_EN[checkId][variant]`, so this object is, as is, the English `qa` namespace (locales/en/qa.json).
 * Placeholders use i18next's `{{name}}` syntax and are filled from the finding's `message.params`.
 */
export const QA_MESSAGES_EN = {
  'term-missing': {
    default:
      'Glossary: “{{term}}” is in the source but none of its approved translations is in the target (expected: {{expected}}).',
  },
  'term-forbidden': {
    default: 'Glossary: “{{found}}” is a forbidden translation of “{{term}}” (use: {{expected}}).',
    'no-alternative': 'Glossary: “{{found}}” is a forbidden translation of “{{term}}”.',
    anywhere: 'Glossary: “{{found}}” is a forbidden term.',
  },
  'name-near-miss': {
    glossary: 'Name: “{{found}}” looks like a misspelling of “{{expected}}” (glossary).',
    document:
      'Name: “{{found}}” looks like a misspelling of “{{expected}}”, as the name is written elsewhere in the document.',
    source: 'Name: “{{found}}” looks like a misspelling of “{{expected}}”, as the source writes it.',
  },
  'number-mismatch': {
    missing: 'Number: {{number}} in the source is missing from the target.',
    changed: 'Number: {{number}} in the source is {{found}} in the target.',
    'decimal-separator':
      'Number: {{found}} is written with the wrong decimal mark for this language (it uses “{{expected}}”).',
  },
  'empty-target': { default: 'The translation is empty.' },
  'source-only': { default: 'This source paragraph has no translation (nothing is aligned with it).' },
  'target-only': { default: 'This target paragraph has no source: page furniture or an addition.' },
  identical: { default: 'The translation is identical to the source.' },
  'length-ratio': {
    long: 'The translation is {{ratio}} times as long, relative to its source, as is usual in this document: an addition?',
    short:
      'The translation is only {{ratio}} times as long, relative to its source, as is usual in this document: an omission?',
  },
  unpaired: {
    opening: 'Unpaired “{{char}}”: it is never closed.',
    closing: 'Unpaired “{{char}}”: nothing opens it.',
    quote: 'Unpaired quotation mark {{char}}.',
  },
  'double-space': { default: 'Several spaces in a row.' },
  'repeated-word': { default: 'Repeated word: “{{word}}”.' },
  'end-punctuation': {
    missing: 'End punctuation: the source ends with “{{expected}}”, the translation has none.',
    extra: 'End punctuation: the translation ends with “{{found}}”, the source has none.',
    different: 'End punctuation: the source ends with “{{expected}}”, the translation with “{{found}}”.',
  },
  'fr-spacing': {
    'missing-before': 'French typography: a no-break space is needed before “{{char}}”.',
    'plain-space-before': 'French typography: the space before “{{char}}” should be a no-break space.',
    'missing-inside': 'French typography: a no-break space is needed inside guillemets (“{{char}}”).',
    'plain-space-inside': 'French typography: the space inside guillemets (“{{char}}”) should be a no-break space.',
  },
  spelling: { default: 'Spelling: “{{word}}” is not in the {{dictionary}} dictionary.' },
  'code-mismatch': {
    missing: 'Inline code: {{code}} of the source is missing from the translation.',
    extra: 'Inline code: {{code}} is in the translation but not (or fewer times) in the source.',
    reordered: 'Inline code: {{code}} closes before it opens.',
    crossed: 'Inline code: {{code}} and {{other}} cross each other; the markup cannot be rebuilt.',
  },
} as const satisfies Record<CheckId, Record<string, string>>;

/** `qa.<checkId>.<variant>` */
export const messageKey = (checkId: CheckId, variant: string): string => `qa.${checkId}.${variant}`;

export function interpolate(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The finding's message in English (for the command line and logs). */
export function englishMessage(finding: Pick<Finding, 'checkId' | 'message'>): string {
  const [, , variant = 'default'] = finding.message.key.split('.');
  const byVariant = QA_MESSAGES_EN[finding.checkId] as Readonly<Record<string, string>>;
  const template = byVariant[variant] ?? finding.message.key;
  return interpolate(template, finding.message.params);
}
