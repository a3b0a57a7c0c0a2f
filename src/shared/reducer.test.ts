import { describe, expect, it } from 'vitest';
import { makeAnchor } from './anchor';
import type { DocumentEvent, EventOf } from './events';
import { FoldError, fold, foldAll, toDocumentState, type FoldState } from './reducer';
import type { Flag } from './schemas';

// ---- Builders -------------------------------------------------------------------------------------

const T0 = '2024-04-22T10:00:00.000Z';
const at = (seq: number) => new Date(Date.parse(T0) + seq * 60_000).toISOString();

function created(
  segments: { id: string; source: string; target: string }[],
  over: Partial<EventOf<'DocumentCreated'>> = {},
): EventOf<'DocumentCreated'> {
  return {
    seq: 1,
    at: T0,
    actor: 'Creator',
    type: 'DocumentCreated',
    payload: { id: 'd1', title: 'Title', sourceLang: 'ar', targetLang: 'fr', segments },
    ...over,
  };
}

function edited(seq: number, segmentId: string, target: string, actor = 'Editor'): EventOf<'SegmentEdited'> {
  return { seq, at: at(seq), actor, type: 'SegmentEdited', payload: { segmentId, target, cause: 'edit' } };
}

function flagCreated(
  seq: number,
  flagId: string,
  segmentId: string,
  text: string,
  start: number,
  end: number,
  over: Partial<EventOf<'FlagCreated'>['payload']> = {},
): EventOf<'FlagCreated'> {
  return {
    seq,
    at: at(seq),
    actor: 'Reviewer',
    type: 'FlagCreated',
    payload: {
      flagId,
      segmentId,
      side: 'target',
      anchor: makeAnchor(text, start, end),
      category: 'fluency/spelling',
      severity: 'major',
      correction: '',
      comment: '',
      ...over,
    },
  };
}

function flagEdited(seq: number, payload: EventOf<'FlagEdited'>['payload']): EventOf<'FlagEdited'> {
  return { seq, at: at(seq), actor: 'Reviewer 2', type: 'FlagEdited', payload };
}

function accepted(
  seq: number,
  flagId: string,
  target: string | null,
  reason: string | null = null,
): EventOf<'FlagAccepted'> {
  return { seq, at: at(seq), actor: 'Translator', type: 'FlagAccepted', payload: { flagId, reason, target } };
}

function verdict(
  seq: number,
  type: 'FlagRejected' | 'FlagResolved',
  flagId: string,
  reason: string | null,
): EventOf<'FlagRejected'> | EventOf<'FlagResolved'> {
  return { seq, at: at(seq), actor: 'Translator', type, payload: { flagId, reason } } as
    EventOf<'FlagRejected'> | EventOf<'FlagResolved'>;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const TITLE = 'Lafetet discute avec son homologue français';
const BODY = 'The cat sat on the mat';
const baseSegments = [
  { id: 's1', source: 'لفتيت يبحث مع نظيره الفرنسي', target: TITLE },
  { id: 's2', source: 'source two', target: BODY },
  { id: 's3', source: 'source three', target: '' },
];
const base = (): FoldState => foldAll([created(baseSegments)]);
const flag = (state: FoldState, id: string): Flag => {
  const f = state.flags.find((x) => x.id === id);
  if (!f) throw new Error(`no flag ${id} in test state`);
  return f;
};
const segment = (state: FoldState, id: string) => {
  const s = state.segments.find((x) => x.id === id);
  if (!s) throw new Error(`no segment ${id} in test state`);
  return s;
};

// ---- DocumentCreated ------------------------------------------------------------------------------

describe('fold: DocumentCreated', () => {
  it('builds the document meta from the event', () => {
    const s = fold(null, created(baseSegments));
    expect(toDocumentState(s)).toMatchObject({
      id: 'd1',
      title: 'Title',
      sourceLang: 'ar',
      targetLang: 'fr',
      createdAt: T0,
      createdBy: 'Creator',
      updatedAt: T0,
      seq: 1,
      flags: [],
    });
  });

  it('builds one segment per payload segment, in order, at version 1', () => {
    const s = fold(null, created(baseSegments));
    expect(s.segments).toEqual(
      baseSegments.map((p, index) => ({
        id: p.id,
        index,
        source: p.source,
        target: p.target,
        version: 1,
        status: p.target === '' ? 'draft' : 'translated',
        updatedAt: T0,
        updatedBy: 'Creator',
      })),
    );
  });

  it.each([
    ['', 'draft'],
    ['   ', 'draft'],
    ['\n\t', 'draft'],
    ['Bonjour', 'translated'],
    [' x ', 'translated'],
  ] as const)('target %j → status %s', (target, status) => {
    const s = fold(null, created([{ id: 's1', source: 'src', target }]));
    expect(s.segments[0]?.status).toBe(status);
  });

  it('refuses a second DocumentCreated', () => {
    expect(() => fold(base(), created(baseSegments, { seq: 2 }))).toThrow(FoldError);
  });
});

// ---- SegmentEdited --------------------------------------------------------------------------------

describe('fold: SegmentEdited', () => {
  it('sets the target, bumps the version, records who and when, and moves seq/updatedAt', () => {
    const s = fold(base(), edited(2, 's2', 'The dog sat on the mat', 'Zineb Ù'));
    expect(segment(s, 's2')).toEqual({
      id: 's2',
      index: 1,
      source: 'source two',
      target: 'The dog sat on the mat',
      version: 2,
      status: 'translated',
      updatedAt: at(2),
      updatedBy: 'Zineb Ù',
    });
    expect(s.seq).toBe(2);
    expect(s.updatedAt).toBe(at(2));
    expect(s.createdAt).toBe(T0);
  });

  it('leaves other segments untouched (same objects)', () => {
    const before = base();
    const s = fold(before, edited(2, 's2', 'changed'));
    expect(s.segments[0]).toBe(before.segments[0]);
    expect(s.segments[2]).toBe(before.segments[2]);
  });

  it('a draft segment given text becomes translated', () => {
    const s = fold(base(), edited(2, 's3', 'Maintenant traduit'));
    expect(segment(s, 's3')).toMatchObject({ status: 'translated', version: 2, target: 'Maintenant traduit' });
  });

  it('a draft segment given only whitespace stays draft', () => {
    const s = fold(base(), edited(2, 's3', '  '));
    expect(segment(s, 's3')).toMatchObject({ status: 'draft', version: 2 });
  });

  it('successive edits keep bumping the version', () => {
    const s = foldAll([created(baseSegments), edited(2, 's2', 'a'), edited(3, 's2', 'b'), edited(4, 's2', 'c')]);
    expect(segment(s, 's2')).toMatchObject({ target: 'c', version: 4 });
    expect(s.seq).toBe(4);
  });

  it.each([
    // [description, new text, expected start, expected quote]
    ['insertion before the flag shifts it', 'Oh. The cat sat on the mat', 12, 'sat'],
    ['deletion before the flag shifts it back', 'cat sat on the mat', 4, 'sat'],
    ['edit after the flag leaves it alone', 'The cat sat on the big mat', 8, 'sat'],
    ['replacement before the flag shifts it by the length delta', 'A kitten sat on the mat', 9, 'sat'],
  ])('re-anchors a target flag: %s', (_, newText, start, quote) => {
    const s = foldAll([created(baseSegments), flagCreated(2, 'f1', 's2', BODY, 8, 11), edited(3, 's2', newText)]);
    const f = flag(s, 'f1');
    expect(f.anchor).toMatchObject({ start, end: start + quote.length, quote });
    expect(newText.slice(f.anchor.start, f.anchor.end)).toBe(quote);
    expect(f.orphaned).toBe(false);
  });

  it('re-anchoring does not bump the flag version nor its updatedBy', () => {
    const s = foldAll([created(baseSegments), flagCreated(2, 'f1', 's2', BODY, 8, 11), edited(3, 's2', `Oh. ${BODY}`)]);
    expect(flag(s, 'f1')).toMatchObject({ version: 1, updatedBy: 'Reviewer', updatedAt: at(2) });
  });

  it('orphans a flag whose words were deleted, keeping its last anchor', () => {
    const before = foldAll([created(baseSegments), flagCreated(2, 'f1', 's2', BODY, 8, 11)]);
    const s = fold(before, edited(3, 's2', 'The cat on the mat'));
    const f = flag(s, 'f1');
    expect(f.orphaned).toBe(true);
    expect(f.anchor).toEqual(flag(before, 'f1').anchor);
    expect(f.status).toBe('open');
  });

  it('only re-anchors target flags of the edited segment', () => {
    const before = foldAll([
      created(baseSegments),
      flagCreated(2, 'fTitle', 's1', TITLE, 0, 7),
      flagCreated(3, 'fSource', 's2', 'source two', 7, 10, { side: 'source' }),
      flagCreated(4, 'fBody', 's2', BODY, 8, 11),
    ]);
    const s = fold(before, edited(5, 's2', `Oh. ${BODY}`));
    expect(flag(s, 'fTitle')).toBe(flag(before, 'fTitle'));
    expect(flag(s, 'fSource')).toBe(flag(before, 'fSource'));
    expect(flag(s, 'fBody').anchor.start).toBe(12);
  });

  it('keeps the flags list when no flag moved', () => {
    const before = foldAll([created(baseSegments), flagCreated(2, 'fTitle', 's1', TITLE, 0, 7)]);
    const s = fold(before, edited(3, 's2', 'unrelated'));
    expect(s.flags).toBe(before.flags);
  });

  it('refuses an unknown segment', () => {
    expect(() => fold(base(), edited(2, 'nope', 'x'))).toThrow(FoldError);
  });
});

// ---- FlagCreated / FlagEdited ---------------------------------------------------------------------

describe('fold: FlagCreated', () => {
  it('adds an open flag at version 1 with the event anchor and metadata', () => {
    const e = flagCreated(2, 'f1', 's1', TITLE, 0, 7, { correction: 'Laftit', comment: 'nom propre' });
    const before = base();
    const s = fold(before, e);
    expect(s.flags.toArray()).toEqual([
      {
        id: 'f1',
        segmentId: 's1',
        side: 'target',
        anchor: { start: 0, end: 7, quote: 'Lafetet', prefix: '', suffix: TITLE.slice(7, 7 + 32) },
        quote: 'Lafetet',
        orphaned: false,
        category: 'fluency/spelling',
        severity: 'major',
        correction: 'Laftit',
        comment: 'nom propre',
        status: 'open',
        reason: null,
        comments: [],
        version: 1,
        createdBy: 'Reviewer',
        createdAt: at(2),
        updatedBy: 'Reviewer',
        updatedAt: at(2),
      },
    ]);
    expect(s.seq).toBe(2);
    expect(s.segments).toBe(before.segments);
    expect(segment(s, 's1').version).toBe(1);
  });

  it('refuses a flag on an unknown segment', () => {
    expect(() => fold(base(), flagCreated(2, 'f1', 'nope', TITLE, 0, 7))).toThrow(FoldError);
  });

  it('refuses a duplicate flag id', () => {
    const s = fold(base(), flagCreated(2, 'f1', 's1', TITLE, 0, 7));
    expect(() => fold(s, flagCreated(3, 'f1', 's1', TITLE, 8, 15))).toThrow(FoldError);
  });
});

describe('fold: FlagEdited', () => {
  const withFlag = () =>
    foldAll([
      created(baseSegments),
      flagCreated(2, 'f1', 's1', TITLE, 0, 7, { correction: 'Laftit', comment: 'c0', severity: 'minor' }),
    ]);

  it.each([
    [{ category: 'terminology' as const }],
    [{ severity: 'critical' as const }],
    [{ correction: 'Laftît' }],
    [{ comment: 'updated' }],
    [{ correction: '' }],
    [{ category: 'style' as const, severity: 'neutral' as const, correction: 'X', comment: 'Y' }],
    [{}],
  ])('changes only the defined fields: %j', (changes) => {
    const before = withFlag();
    const s = fold(before, flagEdited(3, { flagId: 'f1', ...changes }));
    expect(flag(s, 'f1')).toEqual({
      ...flag(before, 'f1'),
      ...changes,
      version: 2,
      updatedBy: 'Reviewer 2',
      updatedAt: at(3),
      // Every edit is in the flag's history, with what it changed (nothing, when the values were the same).
      history: [{ action: 'edited', by: 'Reviewer 2', at: at(3), changes: expect.any(Array) }],
    });
  });

  it('ignores fields explicitly set to undefined', () => {
    const before = withFlag();
    const s = fold(before, flagEdited(3, { flagId: 'f1', comment: undefined, severity: 'major' }));
    expect(flag(s, 'f1')).toMatchObject({ comment: 'c0', severity: 'major', version: 2 });
  });

  it('does not change the text nor the segment version', () => {
    const before = withFlag();
    const s = fold(before, flagEdited(3, { flagId: 'f1', correction: 'Other' }));
    expect(s.segments).toBe(before.segments);
  });

  it('refuses an unknown flag', () => {
    expect(() => fold(withFlag(), flagEdited(3, { flagId: 'nope', comment: 'x' }))).toThrow(FoldError);
  });
});

// ---- FlagAccepted / FlagRejected / FlagResolved ---------------------------------------------------

describe('fold: FlagAccepted', () => {
  const CORRECTED = 'Laftit discute avec son homologue français';
  const withFlags = () =>
    foldAll([
      created(baseSegments),
      flagCreated(2, 'f1', 's1', TITLE, 0, 7, { correction: 'Laftit' }),
      // "homologue" (25..34), after the span: shifts left by 1 when "Lafetet" becomes "Laftit".
      flagCreated(3, 'f2', 's1', TITLE, 25, 34, { category: 'terminology' }),
    ]);

  it('replaces exactly the span with the correction (payload target), bumps the segment version', () => {
    const before = withFlags();
    const s = fold(before, accepted(4, 'f1', CORRECTED, 'bien vu'));
    expect(segment(s, 's1')).toMatchObject({
      target: CORRECTED,
      version: 2,
      updatedBy: 'Translator',
      updatedAt: at(4),
    });
    expect(segment(s, 's2')).toBe(segment(before, 's2'));
  });

  it('marks the flag accepted with the reason, bumps its version', () => {
    const s = fold(withFlags(), accepted(4, 'f1', CORRECTED, 'bien vu'));
    expect(flag(s, 'f1')).toMatchObject({
      status: 'accepted',
      reason: 'bien vu',
      version: 2,
      updatedBy: 'Translator',
      updatedAt: at(4),
      orphaned: false,
    });
  });

  it('points the accepted flag anchor at the correction', () => {
    const s = fold(withFlags(), accepted(4, 'f1', CORRECTED));
    const f = flag(s, 'f1');
    expect(f.anchor).toMatchObject({ start: 0, end: 6, quote: 'Laftit' });
    expect(CORRECTED.slice(f.anchor.start, f.anchor.end)).toBe(f.correction);
    // The words as flagged stay on record for the history.
    expect(f.quote).toBe('Lafetet');
  });

  it('points at the correction when the span is mid-text and the correction is longer', () => {
    const text = 'dans la région du Sahel et du désert, a-t-il dit';
    const start = text.indexOf('Sahel et du désert');
    const end = start + 'Sahel et du désert'.length;
    const correction = 'Sahel et du Sahara';
    const newText = text.slice(0, start) + correction + text.slice(end);
    const s = foldAll([
      created([{ id: 's1', source: 'في منطقة الساحل والصحراء', target: text }]),
      flagCreated(2, 'f1', 's1', text, start, end, { correction, category: 'accuracy/mistranslation' }),
      accepted(3, 'f1', newText),
    ]);
    expect(segment(s, 's1').target).toBe(newText);
    expect(flag(s, 'f1').anchor).toMatchObject({ start, end: start + correction.length, quote: correction });
  });

  it('an empty correction (deletion) leaves an empty anchor at the span start', () => {
    const text = 'un guillemet » en trop';
    const start = text.indexOf(' »');
    const newText = 'un guillemet en trop';
    const s = foldAll([
      created([{ id: 's1', source: 'x', target: text }]),
      flagCreated(2, 'f1', 's1', text, start, start + 2, { correction: '' }),
      accepted(3, 'f1', newText),
    ]);
    expect(segment(s, 's1').target).toBe(newText);
    expect(flag(s, 'f1').anchor).toMatchObject({ start, end: start, quote: '' });
    expect(flag(s, 'f1').orphaned).toBe(false);
  });

  it('re-anchors the other flags of the segment but not their version', () => {
    const before = withFlags();
    const s = fold(before, accepted(4, 'f1', CORRECTED));
    const f2 = flag(s, 'f2');
    expect(f2.anchor).toMatchObject({ start: 24, end: 33, quote: 'homologue' });
    expect(f2).toMatchObject({ version: 1, status: 'open', orphaned: false });
  });

  it('with target null (source-side flag) leaves every text alone', () => {
    const before = foldAll([
      created(baseSegments),
      flagCreated(2, 'f1', 's2', 'source two', 7, 10, { side: 'source', category: 'accuracy/omission' }),
    ]);
    const s = fold(before, accepted(3, 'f1', null, 'omission confirmée'));
    expect(s.segments).toBe(before.segments);
    expect(flag(s, 'f1')).toEqual({
      ...flag(before, 'f1'),
      status: 'accepted',
      reason: 'omission confirmée',
      version: 2,
      updatedBy: 'Translator',
      updatedAt: at(3),
    });
  });

  it('refuses an unknown flag', () => {
    expect(() => fold(withFlags(), accepted(4, 'nope', 'x'))).toThrow(FoldError);
  });
});

describe.each(['FlagRejected', 'FlagResolved'] as const)('fold: %s', (type) => {
  const status = type === 'FlagRejected' ? 'rejected' : 'resolved';
  const withFlag = () =>
    foldAll([created(baseSegments), flagCreated(2, 'f1', 's1', TITLE, 0, 7, { correction: 'Laftit' })]);

  it.each([['pas une erreur'], [null]])('records status and reason %j, leaves the text alone', (reason) => {
    const before = withFlag();
    const s = fold(before, verdict(3, type, 'f1', reason));
    expect(flag(s, 'f1')).toEqual({
      ...flag(before, 'f1'),
      status,
      reason,
      version: 2,
      updatedBy: 'Translator',
      updatedAt: at(3),
    });
    expect(s.segments).toBe(before.segments);
    expect(s.seq).toBe(3);
  });

  it('refuses an unknown flag', () => {
    expect(() => fold(withFlag(), verdict(3, type, 'nope', null))).toThrow(FoldError);
  });
});

// ---- Comments and disputes -----------------------------------------------------------------------

function commented(
  seq: number,
  type: 'CommentAdded' | 'CommentEdited',
  commentId: string,
  text: string,
  actor: string,
  mentions?: string[],
): EventOf<'CommentAdded'> | EventOf<'CommentEdited'> {
  const payload = { flagId: 'f1', commentId, text, ...(mentions ? { mentions } : {}) };
  return { seq, at: at(seq), actor, type, payload } as EventOf<'CommentAdded'> | EventOf<'CommentEdited'>;
}

function flagStatus(
  seq: number,
  type: 'FlagDisputed' | 'FlagMaintained' | 'FlagWithdrawn',
  actor: string,
  reason: string | null,
): DocumentEvent {
  return { seq, at: at(seq), actor, type, payload: { flagId: 'f1', reason } } as DocumentEvent;
}

describe('fold: comments', () => {
  const withFlag = () => foldAll([created(baseSegments), flagCreated(2, 'f1', 's1', TITLE, 0, 7)]);

  it('a comment does not change the flag: version, updatedAt and updatedBy stay (only the thread grows)', () => {
    const before = withFlag();
    const s = fold(before, commented(3, 'CommentAdded', 'c1', 'Pourquoi ?', 'Translator'));
    const { comments, ...rest } = flag(s, 'f1');
    const { comments: none, ...restBefore } = flag(before, 'f1');
    expect(rest).toEqual(restBefore);
    expect(none).toEqual([]);
    expect(comments).toEqual([{ id: 'c1', author: 'Translator', at: at(3), text: 'Pourquoi ?' }]);
    expect(s.seq).toBe(3);
    const edited = fold(s, commented(4, 'CommentEdited', 'c1', 'Pourquoi donc ?', 'Translator'));
    expect(flag(edited, 'f1').version).toBe(1);
    expect(flag(edited, 'f1').comments[0]).toEqual({
      id: 'c1',
      author: 'Translator',
      at: at(3),
      text: 'Pourquoi donc ?',
      editedAt: at(4),
    });
  });

  it('keeps the mentions of a comment; an edit without mentions keeps them, with mentions replaces them', () => {
    let s = fold(withFlag(), commented(3, 'CommentAdded', 'c1', '@Amina ?', 'Reviewer', ['u1', 'u2']));
    expect(flag(s, 'f1').comments[0]!.mentions).toEqual(['u1', 'u2']);
    s = fold(s, commented(4, 'CommentEdited', 'c1', '@Amina !', 'Reviewer'));
    expect(flag(s, 'f1').comments[0]!.mentions).toEqual(['u1', 'u2']);
    s = fold(s, commented(5, 'CommentEdited', 'c1', '@Youssef', 'Reviewer', ['u2']));
    expect(flag(s, 'f1').comments[0]!.mentions).toEqual(['u2']);
    s = fold(s, commented(6, 'CommentEdited', 'c1', 'personne', 'Reviewer', []));
    expect(flag(s, 'f1').comments[0]).not.toHaveProperty('mentions');
    // An empty list on a new comment is no mention at all.
    s = fold(s, commented(7, 'CommentAdded', 'c2', 'x', 'Reviewer', []));
    expect(flag(s, 'f1').comments[1]).not.toHaveProperty('mentions');
  });
});

describe('fold: disputes are kept on the flag with their answer', () => {
  const withFlag = () => foldAll([created(baseSegments), flagCreated(2, 'f1', 's1', TITLE, 0, 7)]);

  it('dispute, then maintained: both reasons and both people stay', () => {
    let s = fold(withFlag(), flagStatus(3, 'FlagDisputed', 'youssef', '« chat » est juste'));
    expect(flag(s, 'f1')).toMatchObject({
      status: 'disputed',
      reason: '« chat » est juste',
      version: 2,
      dispute: { by: 'youssef', at: at(3), reason: '« chat » est juste', response: null },
    });
    s = fold(s, flagStatus(4, 'FlagMaintained', 'amina', 'Le client veut « félin »'));
    expect(flag(s, 'f1')).toMatchObject({ status: 'open', reason: 'Le client veut « félin »', version: 3 });
    expect(flag(s, 'f1').dispute).toEqual({
      by: 'youssef',
      at: at(3),
      reason: '« chat » est juste',
      response: { by: 'amina', at: at(4), reason: 'Le client veut « félin »', action: 'maintained' },
    });
  });

  it('disputed again, then withdrawn: the latest dispute and its answer', () => {
    const s = foldAll(
      [
        flagStatus(3, 'FlagDisputed', 'youssef', 'Non'),
        flagStatus(4, 'FlagMaintained', 'amina', 'Si'),
        flagStatus(5, 'FlagDisputed', 'youssef', 'Toujours non'),
        flagStatus(6, 'FlagWithdrawn', 'amina', null),
      ],
      withFlag(),
    );
    expect(flag(s, 'f1').status).toBe('withdrawn');
    expect(flag(s, 'f1').dispute).toEqual({
      by: 'youssef',
      at: at(5),
      reason: 'Toujours non',
      response: { by: 'amina', at: at(6), reason: null, action: 'withdrawn' },
    });
  });

  it('a flag withdrawn without a dispute has none; flags never disputed have no dispute field', () => {
    const s = fold(withFlag(), flagStatus(3, 'FlagWithdrawn', 'amina', 'erreur de ma part'));
    expect(flag(s, 'f1')).not.toHaveProperty('dispute');
    expect(flag(withFlag(), 'f1')).not.toHaveProperty('dispute');
  });

  it('old journals fold: comment events without mentions, flags from snapshots without dispute', () => {
    const plain = toDocumentState(withFlag());
    const { dispute: _none, ...old } = { ...plain.flags[0]!, dispute: undefined };
    const fromSnapshot: FoldState = { ...withFlag(), flags: withFlag().flags.set(0, old as Flag) };
    const s = foldAll(
      [
        { seq: 3, at: at(3), actor: 'a', type: 'CommentAdded', payload: { flagId: 'f1', commentId: 'c1', text: 't' } },
        flagStatus(4, 'FlagMaintained', 'amina', 'sans dispute enregistrée'), // an old journal's odd order
      ],
      fromSnapshot,
    );
    expect(flag(s, 'f1').comments).toHaveLength(1);
    expect(flag(s, 'f1').status).toBe('open');
  });
});

// ---- Purity ---------------------------------------------------------------------------------------

describe('fold is pure', () => {
  const start = () =>
    foldAll([
      created(baseSegments),
      flagCreated(2, 'f1', 's1', TITLE, 0, 7, { correction: 'Laftit' }),
      flagCreated(3, 'f2', 's1', TITLE, 25, 34),
      flagCreated(4, 'f3', 's2', BODY, 8, 11),
      flagCreated(5, 'fs', 's2', 'source two', 0, 6, { side: 'source' }),
    ]);
  const CORRECTED = 'Laftit discute avec son homologue français';

  it.each<[string, DocumentEvent]>([
    ['SegmentEdited (re-anchor)', edited(6, 's2', `Oh. ${BODY}`)],
    ['SegmentEdited (orphan)', edited(6, 's2', 'The cat on the mat')],
    ['FlagCreated', flagCreated(6, 'f9', 's2', BODY, 0, 3)],
    ['FlagEdited', flagEdited(6, { flagId: 'f1', comment: 'x', severity: 'minor' })],
    ['FlagAccepted', accepted(6, 'f1', CORRECTED, 'ok')],
    ['FlagAccepted (source)', accepted(6, 'fs', null, 'ok')],
    ['FlagRejected', verdict(6, 'FlagRejected', 'f2', 'no')],
    ['FlagResolved', verdict(6, 'FlagResolved', 'f3', 'done')],
  ])('%s does not mutate the input state or the event', (_, event) => {
    const state = deepFreeze(start());
    // A plain deep copy (not toDocumentState, which is cached per state and would hide a change).
    const plainCopy = (s: FoldState) => structuredClone({ ...s, flags: s.flags.toArray() });
    const snapshot = plainCopy(state);
    deepFreeze(event);
    const eventSnapshot = structuredClone(event);
    const next = fold(state, event);
    expect(next).not.toBe(state);
    expect(plainCopy(state)).toEqual(snapshot);
    expect(event).toEqual(eventSnapshot);
  });

  it('DocumentCreated does not mutate its event', () => {
    const event = deepFreeze(created(structuredClone(baseSegments)));
    const snapshot = structuredClone(event);
    fold(null, event);
    expect(event).toEqual(snapshot);
  });

  it('folding the same events twice gives equal states', () => {
    const events = [
      created(baseSegments),
      flagCreated(2, 'f1', 's1', TITLE, 0, 7, { correction: 'Laftit' }),
      edited(3, 's2', 'x'),
      accepted(4, 'f1', CORRECTED),
    ];
    deepFreeze(events);
    expect(foldAll(events)).toEqual(foldAll(events));
  });
});

// ---- foldAll and FoldError ------------------------------------------------------------------------

describe('foldAll', () => {
  it('folds from null, or continues from a given state', () => {
    const events = [created(baseSegments), edited(2, 's2', 'a'), edited(3, 's2', 'b')];
    const all = foldAll(events);
    const resumed = foldAll(events.slice(1), foldAll(events.slice(0, 1)));
    expect(resumed).toEqual(all);
    expect(all.seq).toBe(3);
  });

  it('returns the given state when there are no more events', () => {
    const s = base();
    expect(foldAll([], s)).toBe(s);
  });

  it('throws FoldError on no events and no state', () => {
    expect(() => foldAll([])).toThrow(FoldError);
  });
});

describe('FoldError', () => {
  it.each<[string, FoldState | null, DocumentEvent]>([
    ['SegmentEdited before DocumentCreated', null, edited(1, 's1', 'x')],
    ['FlagCreated before DocumentCreated', null, flagCreated(1, 'f1', 's1', TITLE, 0, 7)],
    ['FlagAccepted before DocumentCreated', null, accepted(1, 'f1', null)],
    ['FlagRejected before DocumentCreated', null, verdict(1, 'FlagRejected', 'f1', null)],
    ['seq equal to the state seq', base(), edited(1, 's2', 'x')],
    [
      'seq lower than the state seq',
      foldAll([created(baseSegments), edited(2, 's2', 'a'), edited(3, 's2', 'b')]),
      edited(2, 's2', 'c'),
    ],
    ['unknown segment (edit)', base(), edited(2, 'missing', 'x')],
    ['unknown segment (flag)', base(), flagCreated(2, 'f1', 'missing', TITLE, 0, 7)],
    ['unknown flag (edit)', base(), flagEdited(2, { flagId: 'missing', comment: 'x' })],
    ['unknown flag (accept)', base(), accepted(2, 'missing', 'x')],
    ['unknown flag (reject)', base(), verdict(2, 'FlagRejected', 'missing', null)],
    ['unknown flag (resolve)', base(), verdict(2, 'FlagResolved', 'missing', null)],
    ['second DocumentCreated', base(), created(baseSegments, { seq: 2 })],
  ])('%s', (_, state, event) => {
    expect(() => fold(state, event)).toThrow(FoldError);
  });

  it('is an Error', () => {
    expect(new FoldError('x')).toBeInstanceOf(Error);
  });

  it('foldAll stops at the first bad event', () => {
    expect(() => foldAll([created(baseSegments), edited(2, 's2', 'a'), edited(2, 's2', 'b')])).toThrow(FoldError);
  });
});
