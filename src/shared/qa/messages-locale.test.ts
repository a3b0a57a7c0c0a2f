import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QA_MESSAGES_EN } from './messages';

describe('QA messages', () => {
  it('locales/en/qa.json is exactly the engine’s English templates', () => {
    const file = JSON.parse(readFileSync(new URL('../../../locales/en/qa.json', import.meta.url), 'utf8')) as unknown;
    expect(file).toEqual(QA_MESSAGES_EN);
  });
});
