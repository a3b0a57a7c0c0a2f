import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateTimeFormat } from './use-date-format';

const client = path.resolve(__dirname, '..');
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? sources(path.join(dir, d.name))
      : /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name)
        ? [path.join(dir, d.name)]
        : [],
  );
}

describe('dates in the interface', () => {
  it('have one format per language', () => {
    const at = new Date('2026-12-02T07:12:00Z');
    const opts = dateTimeFormat('en').resolvedOptions();
    expect([opts.dateStyle, opts.timeStyle]).toEqual(['medium', 'short']);
    expect(dateTimeFormat('fr')).toBe(dateTimeFormat('fr'));
    expect(dateTimeFormat('ar').format(at)).not.toBe(dateTimeFormat('fr').format(at));
  });

  it('are formatted only by use-date-format.ts (no toLocaleString or DateTimeFormat elsewhere)', () => {
    const stray = sources(client)
      .filter((f) => !f.endsWith('use-date-format.ts'))
      .filter((f) =>
        /toLocale(Date|Time)?String\(|Intl\.DateTimeFormat|Intl\.RelativeTimeFormat/.test(readFileSync(f, 'utf8')),
      )
      .map((f) => path.relative(client, f));
    expect(stray).toEqual([]);
  });
});
