import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readXliff } from './read';

/*
 * Our own conformance fixtures for the XLIFF 2 processing requirements the reader enforces (requirements.ts),
 * in place of the OASIS XLIFF 2.2 test suite, which is not available offline: every file in valid/ is read,
 * every file in invalid/ is refused with the rule its name gives and the line its first comment gives. Every
 * rule requirements.ts can refuse has its fixture.
 */

const dir = new URL('./fixtures/conformance/', import.meta.url);
const files = (sub: string) => readdirSync(new URL(`${sub}/`, dir)).filter((f) => f.endsWith('.xlf'));
const read = (sub: string, f: string) => readFileSync(new URL(`${sub}/${f}`, dir), 'utf8');

describe('XLIFF 2 conformance fixtures', () => {
  it.each(files('valid'))('valid/%s is read', (f) => {
    const r = readXliff(read('valid', f));
    expect(r.ok ? null : r.problem).toBeNull();
  });

  it.each(files('invalid'))('invalid/%s is refused naming its rule and line', (f) => {
    const text = read('invalid', f);
    const [, rule, line] = /<!-- Refused: rule (\S+), line (\d+)\. -->/.exec(text)!;
    expect(`${rule}.xlf`).toBe(f);
    const r = readXliff(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatchObject({ rule, line: Number(line) });
  });

  it('every rule the reader enforces has an invalid fixture', () => {
    const source = readFileSync(new URL('./requirements.ts', import.meta.url), 'utf8');
    const rules = new Set([...source.matchAll(/refuse\('([\w-]+)'/g)].map((m) => m[1]!));
    rules.add('group-id').add('unit-id'); // refuse(`${el.localName}-id`)
    const have = new Set(files('invalid').map((f) => f.replace(/\.xlf$/, '')));
    expect([...rules].filter((r) => !have.has(r))).toEqual([]);
  });
});
