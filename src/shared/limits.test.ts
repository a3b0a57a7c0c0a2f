import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import enCommon from '../../locales/en/common.json';
import frCommon from '../../locales/fr/common.json';
import { paragraphLabel } from './formats/import-text';
import {
  formatCount,
  LIMIT_CODES,
  limitStatus,
  limitViolationOf,
  newDocumentViolations,
  violation,
  type LimitName,
} from './limits';
import { LIMITS } from './schemas';

describe('limit messages', () => {
  it('say what, where, how much and the limit', () => {
    expect(violation('segmentChars', paragraphLabel(11, 'source'), 123_456)).toMatchObject({
      code: 'SEGMENT_TOO_LONG',
      message: 'Paragraph 12 of the source has 123,456 characters; the limit is 100,000.',
      actual: 123_456,
      max: LIMITS.segmentChars,
    });
  });

  it('a new document: title, segment count and each text, every violation', () => {
    const segments = [
      { source: 'ok', target: 'x'.repeat(LIMITS.segmentChars + 1) },
      { source: 'y'.repeat(LIMITS.segmentChars + 2), target: 'ok' },
    ];
    expect(newDocumentViolations({ title: 't'.repeat(301), segments }).map((v) => v.message)).toEqual([
      'The title has 301 characters; the limit is 300.',
      "Segment 1's translation has 100,001 characters; the limit is 100,000.",
      "Segment 2's source has 100,002 characters; the limit is 100,000.",
    ]);
    expect(newDocumentViolations({ title: 't', segments: [{ source: 'a', target: 'b' }] })).toEqual([]);
  });

  it.each([
    [{ code: 'too_big', path: ['title'], maximum: 300 }, 'TITLE_TOO_LONG'],
    [{ code: 'too_big', path: ['segments', 3, 'target'], maximum: 100_000 }, 'SEGMENT_TOO_LONG'],
    [{ code: 'too_big', path: ['segments'], maximum: 20_000 }, 'TOO_MANY_SEGMENTS'],
    [{ code: 'too_big', path: ['reason'], maximum: 10_000 }, 'COMMENT_TOO_LONG'],
    // Another maximum on a field of the same name is not that limit.
    [{ code: 'too_big', path: ['text'], maximum: LIMITS.bodyBytes }, null],
    [{ code: 'too_big', path: ['displayName'], maximum: 80 }, null],
    [{ code: 'too_small', path: ['title'] }, null],
  ])('a zod issue %j → %s', (issue, code) => {
    expect(limitViolationOf(issue, {})?.code ?? null).toBe(code);
  });

  it('every limit has a message in English and French that states the limit', () => {
    const en = enCommon.errors as Record<string, string>;
    const fr = frCommon.errors as Record<string, string>;
    for (const [limit, code] of Object.entries(LIMIT_CODES) as [LimitName, string][]) {
      const max = LIMITS[limit];
      // English messages may add the server's message ({{message}}), which states the limit.
      const enText = en[code]!.replace('{{message}}', violation(limit, 'It', max + 1).message);
      const bytes = limit === 'bodyBytes' || limit === 'importFileBytes';
      if (!bytes) expect(enText, code).toContain(max.toLocaleString('en-US'));
      expect(fr[code], code).toBeTruthy();
      if (!bytes) expect(fr[code], code).toContain(max.toLocaleString('fr-FR'));
      expect(fr[code], code).not.toContain('{{message}}');
    }
  });
});

describe('the README', () => {
  it('lists every limit of LIMITS with its value, code and status in the "Limits" table', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('### Limits'));
    const rows = section.slice(0, section.indexOf('\n\n', section.indexOf('| Limit |'))).split('\n');
    for (const [limit, code] of Object.entries(LIMIT_CODES) as [LimitName, string][]) {
      const row = rows.find((r) => r.includes(`| \`${code}\` |`));
      expect(row, code).toBeDefined();
      const bytes = limit === 'bodyBytes' || limit === 'importFileBytes';
      const value = bytes ? `${LIMITS[limit] / 1024 / 1024} MiB` : formatCount(LIMITS[limit]);
      expect(row!.split(' | ').slice(-3)).toEqual([value, `\`${code}\``, `${limitStatus(limit)} |`]);
    }
  });
});
