import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/shared/schemas';
import { checkFrenchSpacing } from '../src/shared/qa/typography-fr';

const dir = path.dirname(fileURLToPath(import.meta.url));
const locales = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

/** Every string of a namespace, by its dotted key. */
function strings(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => strings(v, prefix ? `${prefix}.${k}` : k));
}

/** Keys whose {{count}} is not a quantity of things (a multiplier, "n of count"). */
const COUNT_WITHOUT_PLURAL = new Set(['workspace.json:score.cell', 'workspace.json:qa.position']);

function load(locale: string, ns: string) {
  return JSON.parse(readFileSync(path.join(dir, locale, ns), 'utf8')) as unknown;
}

const namespaces = readdirSync(path.join(dir, 'en')).filter((f) => f.endsWith('.json'));
const complete = locales.filter((l) => readdirSync(path.join(dir, l)).some((f) => f.endsWith('.json')));

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
/** A key without its plural suffix: "panel.count_one" → "panel.count". */
const base = (key: string) => key.replace(PLURAL_SUFFIX, '');
/**
 * Plural forms a locale may leave out: French "many" is for millions ("1 000 000 de segments"), where
 * i18next falls back to "other", which reads the same in every string we have.
 */
const OPTIONAL_FORMS: Record<string, string[]> = { fr: ['many'] };

describe('locales', () => {
  it('has English, French and Arabic', () => {
    expect(complete).toEqual(expect.arrayContaining(['en', 'fr', 'ar']));
  });

  it('French strings pass the app’s own French typography check (no-break spaces before : ; ! ? and inside « »)', () => {
    const faults = namespaces.flatMap((ns) =>
      strings(load('fr', ns))
        .filter(([, text]) => checkFrenchSpacing({ id: 'ui', index: 0, source: '', target: text }).length > 0)
        .map(([key, text]) => `${ns}:${key}: ${text}`),
    );
    expect(faults).toEqual([]);
  });

  for (const locale of complete) {
    // The UI shows t('errors.<code>'); a code without a message reads "Something went wrong (SEGMENT_LOCKED)".
    it(`${locale}: every error code the server sends has a message for people (errors.<code> in common.json)`, () => {
      const errors = (load(locale, 'common.json') as { errors?: Record<string, unknown> }).errors ?? {};
      const missing = ERROR_CODES.filter((code) => typeof errors[code] !== 'string' || !String(errors[code]).trim());
      expect(missing, `add these to locales/${locale}/common.json under "errors"`).toEqual([]);
      const showingCodes = ERROR_CODES.filter((code) => String(errors[code]).includes(code));
      expect(showingCodes, 'a message that spells out its code').toEqual([]);
    });

    it(`${locale}: every string that counts things has plural forms`, () => {
      const missing = namespaces.flatMap((ns) =>
        strings(load(locale, ns))
          .filter(([key, text]) => /\{\{count\b/.test(text) && !/_(zero|one|two|few|many|other)$/.test(key))
          .map(([key]) => `${ns}:${key}`)
          .filter((key) => !COUNT_WITHOUT_PLURAL.has(key)),
      );
      expect(missing).toEqual([]);
    });
  }

  for (const locale of complete.filter((l) => l !== 'en')) {
    for (const ns of namespaces) {
      // Plural keys are compared without their suffix: Arabic has six forms where English has two.
      it(`${locale}/${ns} has exactly the English keys`, () => {
        const english = [...new Set(keys(load('en', ns)).map(base))].sort();
        expect([...new Set(keys(load(locale, ns)).map(base))].sort()).toEqual(english);
      });
      it(`${locale}/${ns} has every plural form the language has, and no other`, () => {
        const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
        const required = categories.filter((c) => !(OPTIONAL_FORMS[locale] ?? []).includes(c));
        const forms = new Map<string, string[]>();
        for (const key of keys(load(locale, ns)).filter((k) => PLURAL_SUFFIX.test(k)))
          forms.set(base(key), [...(forms.get(base(key)) ?? []), PLURAL_SUFFIX.exec(key)![1]!]);
        const wrong = [...forms].filter(
          ([, f]) => required.some((c) => !f.includes(c)) || f.some((c) => !categories.includes(c)),
        );
        expect(wrong.map(([k, f]) => `${k}: ${f.join(' ')}`)).toEqual([]);
      });
      it(`${locale}/${ns} has no empty strings`, () => {
        const empty = keys(load(locale, ns)).filter((k) => {
          const v = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], load(locale, ns));
          return typeof v === 'string' && v.trim() === '';
        });
        expect(empty).toEqual([]);
      });
    }
  }
});
