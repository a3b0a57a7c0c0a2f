import { describe, expect, it } from 'vitest';
import type { DocumentListEntry } from '../../../../shared/schemas';
import { arrange, DEFAULT_VIEW, viewFromParams, viewToParams, type ListView } from './document-list';

const entry = (id: string, over: Partial<DocumentListEntry>): DocumentListEntry => ({
  id,
  title: id,
  sourceLang: 'ar',
  targetLang: 'fr',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'a',
  updatedAt: '2026-01-01T00:00:00.000Z',
  status: 'in-translation',
  statusReason: null,
  seq: 1,
  segmentCount: 10,
  openFlagCount: 0,
  approvedCount: 0,
  available: true,
  ...over,
});

// In the server's order: newest change first.
const LIST = [
  entry('a', {
    title: 'Réunion du conseil',
    updatedAt: '2026-03-03T00:00:00.000Z',
    status: 'in-review',
    approvedCount: 5,
  }),
  entry('b', {
    title: 'Laftit reçoit Darmanin',
    updatedAt: '2026-03-02T00:00:00.000Z',
    openFlagCount: 7,
    segmentCount: 13,
  }),
  entry('c', { title: 'annexe 2', updatedAt: '2026-03-01T00:00:00.000Z', status: 'approved', approvedCount: 10 }),
  entry('d', { title: 'Annexe 10', updatedAt: '2026-02-01T00:00:00.000Z', segmentCount: 2000, approvedCount: 1 }),
];
const ids = (v: Partial<ListView>) => arrange(LIST, { ...DEFAULT_VIEW, ...v }, 'fr').map((d) => d.id);

describe('the documents list', () => {
  it.each([
    ['by default, newest change first', {}, ['a', 'b', 'c', 'd']],
    ['title search ignores case and accents', { q: 'REUNION' }, ['a']],
    ['filtered by status', { status: 'approved' }, ['c']],
    ['title A→Z, numbers in order', { sort: 'title', dir: 'asc' }, ['c', 'd', 'b', 'a']],
    ['progress, most approved first', { sort: 'progress', dir: 'desc' }, ['c', 'a', 'd', 'b']],
    ['open flags ascending (ties keep the server order)', { sort: 'openFlags', dir: 'asc' }, ['a', 'c', 'd', 'b']],
    ['segments descending', { sort: 'segments', dir: 'desc' }, ['d', 'b', 'a', 'c']],
    ['status in workflow order', { sort: 'status', dir: 'asc' }, ['b', 'd', 'a', 'c']],
  ] as [string, Partial<ListView>, string[]][])('%s', (_n, v, expected) => {
    expect(ids(v)).toEqual(expected);
  });

  it('sorts by QA findings, fetched apart (unknown counts first)', () => {
    const sorted = arrange(LIST, { ...DEFAULT_VIEW, sort: 'findings', dir: 'desc' }, 'en', { a: 3, b: 0, c: 7 });
    expect(sorted.map((d) => d.id)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('lives in the URL, defaults left out', () => {
    const v: ListView = { q: 'annexe', status: 'approved', sort: 'title', dir: 'asc' };
    expect(viewFromParams(viewToParams(v))).toEqual(v);
    expect(viewToParams(DEFAULT_VIEW).toString()).toBe('');
    expect(viewFromParams(new URLSearchParams('sort=nope&dir=up&status=bogus'))).toEqual(DEFAULT_VIEW);
  });
});
