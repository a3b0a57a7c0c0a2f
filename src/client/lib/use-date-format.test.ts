import { describe, expect, it } from 'vitest';
import { dateTimeFormat } from './use-date-format';

// Every source file of the client, as text (Vite's glob: no node:fs in client code).
const sources = import.meta.glob(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

describe('dates in the interface', () => {
  it('have one format per language', () => {
    const at = new Date('2026-12-02T07:12:00Z');
    const opts = dateTimeFormat('en').resolvedOptions();
    expect([opts.dateStyle, opts.timeStyle]).toEqual(['medium', 'short']);
    expect(dateTimeFormat('fr')).toBe(dateTimeFormat('fr'));
    expect(dateTimeFormat('ar').format(at)).not.toBe(dateTimeFormat('fr').format(at));
  });

  it('are formatted only by use-date-format.ts (no toLocaleString or DateTimeFormat elsewhere)', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    const stray = Object.entries(sources)
      .filter(([f]) => !f.endsWith('/use-date-format.ts'))
      .filter(([, text]) => /toLocale(Date|Time)?String\(|Intl\.DateTimeFormat|Intl\.RelativeTimeFormat/.test(text))
      .map(([f]) => f);
    expect(stray).toEqual([]);
  });
});
