import { describe, expect, it } from 'vitest';
import { englishMessage, interpolate, messageKey, QA_MESSAGES_EN } from './messages';
import { QA_CHECK_IDS, QA_CHECKS } from './types';

describe('QA_MESSAGES_EN', () => {
  it('has templates for every check, and every check a family, category and severity', () => {
    for (const id of QA_CHECK_IDS) {
      expect(Object.keys(QA_MESSAGES_EN[id]).length).toBeGreaterThan(0);
      expect(QA_CHECKS[id]).toBeDefined();
    }
  });

  it('uses i18next placeholders only', () => {
    for (const byVariant of Object.values(QA_MESSAGES_EN)) {
      for (const t of Object.values(byVariant)) expect(t.replace(/\{\{\w+\}\}/g, '')).not.toMatch(/[{}]/);
    }
  });

  it.each([
    [
      'term-forbidden',
      'default',
      { found: 'désert', term: 'الساحل والصحراء', expected: 'Sahel et du Sahara' },
      'Glossary: “désert” is a forbidden translation of “الساحل والصحراء” (use: Sahel et du Sahara).',
    ],
    [
      'number-mismatch',
      'changed',
      { number: '٢٠٢٤', found: '2025' },
      'Number: ٢٠٢٤ in the source is 2025 in the target.',
    ],
    [
      'length-ratio',
      'long',
      { ratio: 2.6 },
      'The translation is 2.6 times as long, relative to its source, as is usual in this document: an addition?',
    ],
  ] as const)('%s.%s', (checkId, variant, params, expected) => {
    expect(englishMessage({ checkId, message: { key: messageKey(checkId, variant), params } })).toBe(expected);
  });

  it('leaves unknown placeholders visible', () => {
    expect(interpolate('a {{b}} {{c}}', { b: 1 })).toBe('a 1 {{c}}');
  });
});
