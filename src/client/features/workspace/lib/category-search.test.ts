import { describe, expect, it } from 'vitest';
import i18n, { initI18n } from '../../../lib/i18n';
import { categoryOptions, searchCategories } from './category-search';

initI18n('en');

const options = (lng: 'en' | 'fr') => {
  const t = i18n.getFixedT(lng, 'workspace');
  return categoryOptions((k) => t(k as 'categories.other'));
};

describe('category type-ahead', () => {
  it.each([
    ['en', 't', ['terminology', 'non-translation']],
    ['en', 'om', ['accuracy/omission']],
    ['en', 'acc om', ['accuracy/omission']],
    ['en', 'oth', ['other', 'non-translation', 'source-error']],
    ['en', 'zzz', []],
    ['fr', 'termi', ['terminology']],
  ] as const)('%s: “%s” finds %j, in this order', (lng, typed, expected) => {
    expect(searchCategories(options(lng), typed).map((o) => o.category)).toEqual(expected);
  });

  it('an empty search lists every category', () => {
    expect(searchCategories(options('en'), ' ')).toHaveLength(options('en').length);
  });
});
