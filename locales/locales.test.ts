import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = path.dirname(fileURLToPath(import.meta.url));
const locales = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function load(locale: string, ns: string) {
  return JSON.parse(readFileSync(path.join(dir, locale, ns), 'utf8')) as unknown;
}

const namespaces = readdirSync(path.join(dir, 'en')).filter((f) => f.endsWith('.json'));
// Arabic may lag behind until its own issue; every locale that exists must be complete.
const complete = locales.filter((l) => readdirSync(path.join(dir, l)).some((f) => f.endsWith('.json')));

describe('locales', () => {
  it('has English and French', () => {
    expect(complete).toEqual(expect.arrayContaining(['en', 'fr']));
  });

  for (const locale of complete.filter((l) => l !== 'en')) {
    for (const ns of namespaces) {
      it(`${locale}/${ns} has exactly the English keys`, () => {
        const base = keys(load('en', ns)).sort();
        expect(keys(load(locale, ns)).sort()).toEqual(base);
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
