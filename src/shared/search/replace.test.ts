import { describe, expect, it } from 'vitest';
import { makeAnchor } from '../anchor';
import type { DocumentEvent } from '../events';
import { foldAll, toDocumentState } from '../reducer';
import { applyReplacements, expandTemplate, planReplace } from './replace';
import { compileSearch, DEFAULT_SEARCH, searchSegments, type SearchOptions } from './search';

const T0 = '2024-04-22T10:00:00.000Z';

function plan(
  segments: { id: string; index: number; source: string; target: string; version: number; status: string }[],
  query: string,
  template: string,
  o: Partial<SearchOptions> = {},
) {
  const options = { ...DEFAULT_SEARCH, ...o };
  const matches = searchSegments(segments, compileSearch(query, options), options.scope);
  return planReplace(segments, matches, template, options.regex);
}

const seg = (
  index: number,
  target: string,
  over: Partial<{ status: string; version: number; source: string }> = {},
) => ({
  id: `s${index + 1}`,
  index,
  source: over.source ?? 'لفتيت',
  target,
  version: over.version ?? 1,
  status: over.status ?? 'translated',
});

describe('expandTemplate', () => {
  const match = { start: 0, end: 5, groups: ['12 km', '12', 'km'], named: { unit: 'km' } };
  it.each([
    ['$2 $1', '$2 $1', 'km 12'],
    ['$& and $$', '$& and $$', '12 km and $'],
    ['named group', '$<unit>!', 'km!'],
    ['$12 is $1 then 2', '$12', '122'],
    ['unknown group stays', '$7', '$7'],
  ])('%s', (_n, template, expected) => {
    expect(expandTemplate(template, match, true)).toBe(expected);
  });
  it('takes the template literally without a regex', () => {
    expect(expandTemplate('$1 €', match, false)).toBe('$1 €');
  });
});

describe('applyReplacements', () => {
  it('replaces several spans, in any order, keeping the text between', () => {
    expect(
      applyReplacements('Lafetet reçoit Lafetet.', [
        { start: 15, end: 22, text: 'Laftit' },
        { start: 0, end: 7, text: 'Laftit' },
      ]),
    ).toBe('Laftit reçoit Laftit.');
  });
  it('refuses overlapping spans', () => {
    expect(() =>
      applyReplacements('abc', [
        { start: 0, end: 2, text: 'x' },
        { start: 1, end: 3, text: 'y' },
      ]),
    ).toThrow();
  });
});

describe('planReplace', () => {
  it('French: every occurrence in the translations, one change per segment, before → after', () => {
    const segments = [seg(0, 'Lafetet reçoit Darmanin. M. Lafetet a dit'), seg(1, 'Rien ici'), seg(2, 'LAFETET')];
    const p = plan(segments, 'lafetet', 'Laftit');
    expect(p.changes).toEqual([
      expect.objectContaining({ segmentId: 's1', baseVersion: 1, after: 'Laftit reçoit Darmanin. M. Laftit a dit' }),
      expect.objectContaining({ segmentId: 's3', before: 'LAFETET', after: 'Laftit' }),
    ]);
    expect(p.changes[0]!.replacements).toHaveLength(2);
  });

  it('Arabic translations, with letter variants and diacritics ignored', () => {
    const segments = [seg(0, 'استقبل أحمد لفتيت'), seg(1, 'قال اَحمد'), seg(2, 'محمد')];
    const p = plan(segments, 'احمد', 'أحمد', { letterVariants: true, ignoreDiacritics: true });
    expect(p.changes.map((c) => [c.segmentId, c.after])).toEqual([['s2', 'قال أحمد']]);
  });

  it('regex with groups, whole words only', () => {
    const p = plan([seg(0, 'à 12 km et 3 kms, 4 km.')], String.raw`(\d+) km`, '$1\u00a0km', {
      regex: true,
      wholeWord: true,
    });
    expect(p.changes[0]!.after).toBe('à 12\u00a0km et 3 kms, 4\u00a0km.');
  });

  it('never replaces in the source, skips approved segments and unchanged texts, and takes matches one by one', () => {
    const segments = [
      seg(0, 'Laftit', { source: 'Laftit' }),
      seg(1, 'Laftit', { status: 'approved' }),
      seg(2, 'Laftit et Laftit'),
    ];
    const options = { ...DEFAULT_SEARCH, scope: 'both' as const };
    const matches = searchSegments(segments, compileSearch('Laftit', options), 'both');
    expect(planReplace(segments, matches, 'Laftit', false).changes).toEqual([]);
    const p = planReplace(segments, matches, 'Lafetet', false, (m) => !(m.segmentId === 's3' && m.start === 0));
    expect(p.changes.map((c) => [c.segmentId, c.after])).toEqual([
      ['s1', 'Lafetet'],
      ['s3', 'Laftit et Lafetet'],
    ]);
    expect(p.locked).toEqual([{ segmentId: 's2', index: 1 }]);
  });
});

describe('a replacement is an edit: flags follow or are orphaned exactly as after any edit', () => {
  const target = 'M. Lafetet reçoit Darmanin.';
  const base: DocumentEvent[] = [
    {
      seq: 1,
      at: T0,
      actor: 'Creator',
      type: 'DocumentCreated',
      payload: {
        id: 'd1',
        title: 'T',
        sourceLang: 'ar',
        targetLang: 'fr',
        segments: [{ id: 's1', source: 'س', target }],
      },
    },
    {
      seq: 2,
      at: T0,
      actor: 'Reviewer',
      type: 'FlagCreated',
      payload: {
        flagId: 'f1',
        segmentId: 's1',
        side: 'target',
        anchor: makeAnchor(target, 3, 10),
        category: 'fluency/spelling',
        severity: 'major',
        correction: 'Laftit',
        comment: '',
      },
    },
  ];
  const afterReplacing = (query: string, template: string) => {
    const state = toDocumentState(foldAll(base));
    const p = plan(
      state.segments.map((s) => ({ ...s })),
      query,
      template,
    );
    const events: DocumentEvent[] = p.changes.map((c, i) => ({
      seq: 3 + i,
      at: T0,
      actor: 'Editor',
      type: 'SegmentEdited',
      payload: { segmentId: c.segmentId, target: c.after, cause: 'edit' },
    }));
    return toDocumentState(foldAll(events, foldAll(base))).flags[0]!;
  };

  it('words around the flag replaced: the flag stays on its words', () => {
    const f = afterReplacing('reçoit', 'a reçu');
    expect(f.orphaned).toBe(false);
    expect(f.anchor).toMatchObject({ start: 3, end: 10, quote: 'Lafetet' });
  });
  it('words before the flag replaced by longer ones: the flag moves with its words', () => {
    const f = afterReplacing('M.', 'Monsieur');
    expect(f.orphaned).toBe(false);
    expect(f.anchor).toMatchObject({ start: 9, end: 16, quote: 'Lafetet' });
  });
  it('the flagged words replaced: the flag is orphaned, never moved to other words', () => {
    const f = afterReplacing('Lafetet', 'Laftit');
    expect(f.orphaned).toBe(true);
  });
});
