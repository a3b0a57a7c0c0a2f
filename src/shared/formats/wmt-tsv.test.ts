import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocumentEvent } from '../events';
import { foldAll, fromDocumentState, toDocumentState } from '../reducer';
import type { DocumentState } from '../schemas';
import {
  WMT_COLUMNS,
  buildDocuments,
  exportTsv,
  extractMarks,
  importEvents,
  parseWmtTsv,
  type WmtImportedDocument,
  type WmtRow,
} from './wmt-tsv';

const AT = '2024-01-01T00:00:00.000Z';
const HEADER = WMT_COLUMNS.join('\t');
const tsv = (...rows: string[][]): string => [HEADER, ...rows.map((r) => r.join('\t'))].join('\n') + '\n';
const opts = { sourceLang: 'en', targetLang: 'de', file: 'x.tsv', newDocumentId: (s: string) => `d-${s}` };

const fold = (d: WmtImportedDocument): DocumentState => toDocumentState(foldAll(importEvents(d, AT)));

/** A row as a comparable string, without its line number. */
const rowKey = ({ line: _line, ...r }: WmtRow): string => JSON.stringify(r);
const multiset = (rows: WmtRow[]): string[] => rows.map(rowKey).sort();

/** parse → build → fold → export → parse: the rows of every system. */
function roundTrip(text: string): { before: WmtRow[]; after: WmtRow[]; exported: string[] } {
  const parsed = parseWmtTsv(text);
  const { documents, errors } = buildDocuments(parsed.rows, opts);
  expect(errors).toEqual([]);
  const exported = documents.map((d) => exportTsv(fold(d)));
  const after = exported.flatMap((e) => {
    const back = parseWmtTsv(e);
    expect(back.errors).toEqual([]);
    expect(back.warnings).toEqual([]);
    return back.rows;
  });
  return { before: parsed.rows, after, exported };
}

describe('extractMarks', () => {
  it.each([
    ['no marks', 'Ein Satz.', { clean: 'Ein Satz.', spans: [] }],
    ['one span', 'Ein <v>Satz</v>.', { clean: 'Ein Satz.', spans: [[4, 8]] }],
    ['empty span (an omission point)', 'Ein<v></v> Satz.', { clean: 'Ein Satz.', spans: [[3, 3]] }],
    [
      'two spans',
      '<v>Ein</v> <v>Satz</v>',
      {
        clean: 'Ein Satz',
        spans: [
          [0, 3],
          [4, 8],
        ],
      },
    ],
    ['surrogate pairs count as UTF-16 units', '👍 <v>gut</v>', { clean: '👍 gut', spans: [[3, 6]] }],
    ['nested', '<v>Ein <v>Satz</v></v>', 'nested <v>'],
    ['unclosed', 'Mobilität. <v>?', '<v> without </v>'],
    ['stray close', 'Ein</v> Satz', '</v> without <v>'],
  ])('%s', (_name, text, want) => {
    expect(extractMarks(text)).toEqual(want);
  });
});

describe('parseWmtTsv', () => {
  it('reads rows, spans on either side, quotes as plain characters', () => {
    const text = tsv(
      [
        'sysA',
        'talk.1',
        '1',
        '1',
        'rater1',
        '"Hello," she said.',
        '„Hallo“, <v>sagte</v> sie.',
        'Accuracy/Mistranslation',
        'Major',
        'a "comment"',
      ],
      ['sysA', 'talk.1', '1', '2', 'rater1', 'He <v>left</v> early.', 'Er ging.', 'Accuracy/Omission', 'Minor', ''],
      ['sysA', 'talk.1', '1', '3', 'rater1', 'Bye.', 'Tschüss.', 'No-error', 'No-error', ''],
    );
    const { rows, errors, warnings } = parseWmtTsv(text);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        system: 'sysA',
        doc: 'talk.1',
        docId: '1',
        segId: '1',
        rater: 'rater1',
        source: '"Hello," she said.',
        target: '„Hallo“, sagte sie.',
        category: 'Accuracy/Mistranslation',
        severity: 'Major',
        comment: 'a "comment"',
        span: { side: 'target', start: 9, end: 14 },
      },
      expect.objectContaining({ line: 3, source: 'He left early.', span: { side: 'source', start: 3, end: 7 } }),
      expect.objectContaining({ line: 4, category: 'No-error', severity: 'No-error', span: null }),
    ]);
  });

  it('reports malformed rows with their line numbers and skips them', () => {
    const ok = ['s', 'd', '1', '1', 'r1', 'A b.', 'A <v>b</v>.', 'Style/Awkward', 'Minor', ''];
    const text = tsv(
      ok, // line 2
      ['s', 'd', '1', '2', 'r1', 'too', 'few'], // 3
      ['', 'd', '1', '3', 'r1', 'A.', 'A.', 'No-error', 'No-error', ''], // 4
      ['s', 'd', '1', '4', 'r1', 'A.', '<v>A</v>.', 'Style/Awkward', 'Serious', ''], // 5
      ['s', 'd', '1', '5', 'r1', 'A.', 'A.', 'Style/Awkward', 'Minor', ''], // 6: no span
      ['s', 'd', '1', '6', 'r1', 'A.', 'A.', 'No-error', 'Major', ''], // 7
      ['s', 'd', '1', '7', 'r1', 'A.', 'A <v>b.', 'Style/Awkward', 'Minor', ''], // 8
      ['s', 'd', '1', '8', '', 'A.', 'A.', 'No-error', 'No-error', ''], // 9
      ['s', 'd', '1', '9', 'r1', 'A.', 'A.', 'No-error', 'No-error', '', 'extra'], // 10
      ok, // 11
    );
    const { rows, errors } = parseWmtTsv(text);
    expect(rows.map((r) => r.line)).toEqual([2, 11]);
    expect(errors).toEqual([
      { line: 3, message: '7 columns, expected 10' },
      { line: 4, message: 'empty system' },
      { line: 5, message: 'unknown severity "Serious"' },
      { line: 6, message: 'no <v>…</v> span for an error' },
      { line: 7, message: 'category "No-error" with severity "Major"' },
      { line: 8, message: 'target: <v> without </v>' },
      { line: 9, message: 'empty rater' },
      { line: 10, message: '11 columns, expected 10' },
    ]);
  });

  it('takes liberties only with a warning', () => {
    const text = tsv(
      ['s', 'd', '1', '1', 'r1', 'A b c.', '<v>A</v> b <v>c</v>.', 'Style/Awkward', 'Minor', ''],
      ['s', 'd', '1', '2', 'r1', '<v>A</v>.', '<v>A</v>.', 'Accuracy/Mistranslation', 'Major', ''],
      ['s', 'd', '1', '3', 'r1', 'A.', '<v>A</v>.', 'No-error', 'No-error', ''],
    );
    const { rows, errors, warnings } = parseWmtTsv(text);
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.span)).toEqual([
      { side: 'target', start: 0, end: 5 },
      { side: 'target', start: 0, end: 1 },
      null,
    ]);
    expect(warnings).toEqual([
      { line: 2, message: '2 <v> spans: one span from the first to the last is used' },
      { line: 3, message: 'spans on both sides: the target one is used' },
      { line: 4, message: 'No-error row with <v> marks: marks ignored' },
    ]);
  });

  it('handles CRLF, a BOM, no final line end, older 9-column files and headerless files', () => {
    const nine = ['s', 'd', '1', '1', 'r1', 'A.', '<v>A</v>.', 'Style/Awkward', 'Minor'];
    const crlf = '\uFEFF' + WMT_COLUMNS.slice(0, 9).join('\t') + '\r\n' + nine.join('\t');
    const a = parseWmtTsv(crlf);
    expect(a.errors).toEqual([]);
    expect(a.rows).toEqual([
      expect.objectContaining({ line: 2, comment: '', target: 'A.', span: { side: 'target', start: 0, end: 1 } }),
    ]);
    const headerless = parseWmtTsv(nine.join('\t') + '\n');
    expect(headerless.errors).toEqual([]);
    expect(headerless.rows).toEqual([expect.objectContaining({ line: 1, system: 's' })]);
  });

  it('refuses a header without the required columns, and an empty file', () => {
    expect(parseWmtTsv('system\tdoc\n')).toEqual({
      rows: [],
      errors: [{ line: 1, message: expect.stringContaining('header lacks doc_id') }],
      warnings: [],
    });
    expect(parseWmtTsv('').errors).toEqual([{ line: 1, message: 'empty file' }]);
  });
});

describe('buildDocuments', () => {
  const text = tsv(
    ['sysB', 'talk.1', '10', '10', 'rater2', 'Ten.', 'Zehn.', 'No-error', 'No-error', ''], // 2
    [
      'sysA',
      'talk.1',
      '2',
      '2',
      'rater1',
      'The Sun burns.',
      'Die Sonne <v>verbrennt</v>.',
      'Accuracy/Mistranslation',
      'Major',
      'burns ≠ verbrennt',
    ], // 3
    ['sysA', 'talk.1', '10', '10', 'rater1', 'Ten.', 'Zehn.', 'No-error', 'No-error', ''], // 4
    [
      'sysA',
      'talk.1',
      '2',
      '2',
      'rater1',
      '<v>The</v> Sun burns.',
      'Die Sonne verbrennt.',
      'Fluency/Display',
      'Minor',
      '',
    ], // 5
    ['sysA', 'talk.1', '2', '2', 'rater3', 'The Sun burns.', 'Die Sonne verbrennt.', 'No-error', 'No-error', ''], // 6
    ['sysA', 'talk.1', '2', '2', 'rater4', 'The Sun burns.', 'Die Sonne <v>brennt</v>.', 'Style/Awkward', 'Minor', ''], // 7: other words
  );

  it('makes one document per system, segments by doc_id then seg_id, one flag per error row', () => {
    const { rows } = parseWmtTsv(text);
    const { documents, errors } = buildDocuments(rows, opts);
    expect(errors).toEqual([{ line: 7, message: 'target text differs from line 3 for the same system and segment' }]);
    expect(documents.map((d) => d.system)).toEqual(['sysB', 'sysA']);
    const a = documents[1]!;
    expect(a.document).toEqual({
      id: 'd-sysA',
      title: 'x.tsv — sysA',
      sourceLang: 'en',
      targetLang: 'de',
      origin: { format: 'wmt-mqm-tsv', system: 'sysA', file: 'x.tsv' },
      segments: [
        // Numeric order: 2 before 10.
        {
          id: 's1',
          source: 'The Sun burns.',
          target: 'Die Sonne verbrennt.',
          meta: { doc: 'talk.1', doc_id: '2', seg_id: '2' },
          ratedBy: ['rater1', 'rater3'],
        },
        {
          id: 's2',
          source: 'Ten.',
          target: 'Zehn.',
          meta: { doc: 'talk.1', doc_id: '10', seg_id: '10' },
          ratedBy: ['rater1'],
        },
      ],
    });
    expect(a.flags).toEqual([
      {
        actor: 'rater1',
        line: 3,
        payload: {
          flagId: 'f1',
          segmentId: 's1',
          side: 'target',
          anchor: { start: 10, end: 19, quote: 'verbrennt', prefix: 'Die Sonne ', suffix: '.' },
          category: 'accuracy/mistranslation',
          severity: 'major',
          correction: '',
          comment: 'burns ≠ verbrennt',
          original: { category: 'Accuracy/Mistranslation', severity: 'Major' },
        },
      },
      {
        actor: 'rater1',
        line: 5,
        payload: expect.objectContaining({
          flagId: 'f2',
          side: 'source',
          anchor: expect.objectContaining({ start: 0, end: 3, quote: 'The' }),
          category: 'other', // unknown category: ours is `other`, the original is kept verbatim
          original: { category: 'Fluency/Display', severity: 'Minor' },
        }),
      },
    ]);
  });

  it('folds into a document whose flags are authored by their raters', () => {
    const { documents } = buildDocuments(parseWmtTsv(text).rows, opts);
    const state = fold(documents[1]!);
    expect(state.flags.map((f) => [f.createdBy, f.side, f.quote, f.status])).toEqual([
      ['rater1', 'target', 'verbrennt', 'open'],
      ['rater1', 'source', 'The', 'open'],
    ]);
    expect(state.segments[0]!.ratedBy).toEqual(['rater1', 'rater3']);
  });
});

describe('exportTsv', () => {
  it('round-trips hand cases: errors on both sides, No-error raters, quotes, comments', () => {
    const text = tsv(
      [
        'sysA',
        'talk.1',
        '1',
        '1',
        'rater1',
        '"Hello," she said.',
        '„Hallo“, <v>sagte</v> sie.',
        'Accuracy/Mistranslation',
        'Major',
        'a "comment"',
      ],
      [
        'sysA',
        'talk.1',
        '1',
        '1',
        'rater1',
        '"Hello," she said.',
        '„<v>Hallo</v>“, sagte sie.',
        'Fluency/Punctuation',
        'Minor',
        '',
      ],
      ['sysA', 'talk.1', '1', '1', 'rater2', '"Hello," she said.', '„Hallo“, sagte sie.', 'No-error', 'No-error', ''],
      ['sysA', 'talk.1', '1', '2', 'rater1', 'He <v>left</v> early.', 'Er ging.', 'Accuracy/Omission', 'Minor', ''],
      [
        'sysA',
        'talk.1',
        '1',
        '2',
        'rater1',
        'He left early.',
        'Er ging<v></v>.',
        'Locale convention/Time format',
        'Neutral',
        '',
      ],
      [
        'sysB',
        'talk.1',
        '1',
        '1',
        'rater2',
        '"Hello," she said.',
        '<v>„Hallo“, sagte sie.</v>',
        'Non-translation!',
        'Major',
        '',
      ],
    );
    const { before, after } = roundTrip(text);
    expect(multiset(after)).toEqual(multiset(before));
  });

  it('writes what the document says now: rejected flags dropped, edits win, orphans keep an empty span', () => {
    const { documents } = buildDocuments(
      parseWmtTsv(
        tsv(
          ['s', 'd', '1', '1', 'r1', 'A b c.', '<v>X</v> y z.', 'Fluency/Display', 'Minor', ''],
          ['s', 'd', '1', '1', 'r1', 'A b c.', 'X <v>y</v> z.', 'Style/Awkward', 'Minor', ''],
          ['s', 'd', '1', '1', 'r1', 'A b c.', 'X y <v>z</v>.', 'Fluency/Grammar', 'Major', ''],
        ),
      ).rows,
      opts,
    );
    const base = fold(documents[0]!);
    const more: DocumentEvent[] = [
      { seq: 5, at: AT, actor: 'lead', type: 'FlagRejected', payload: { flagId: 'f1', reason: null } },
      {
        seq: 6,
        at: AT,
        actor: 'lead',
        type: 'FlagEdited',
        payload: { flagId: 'f2', category: 'fluency/grammar', severity: 'major' },
      },
      {
        seq: 7,
        at: AT,
        actor: 't',
        type: 'SegmentEdited',
        payload: { segmentId: 's1', target: 'X y w.', cause: 'edit' },
      },
    ];
    const state = toDocumentState(foldAll(more, fromDocumentState(base)));
    expect(state.flags.find((f) => f.id === 'f3')!.orphaned).toBe(true);
    expect(exportTsv(state).split('\n')).toEqual([
      HEADER,
      ['s', 'd', '1', '1', 'r1', 'A b c.', 'X <v>y</v> w.', 'Fluency/Grammar', 'Major', ''].join('\t'),
      ['s', 'd', '1', '1', 'r1', 'A b c.', 'X y <v></v>w.', 'Fluency/Grammar', 'Major', ''].join('\t'),
      '',
    ]);
  });

  it('exports a document made in the app (no ratedBy, no meta)', () => {
    const events: DocumentEvent[] = [
      {
        seq: 1,
        at: AT,
        actor: 'ana',
        type: 'DocumentCreated',
        payload: {
          id: 'd1',
          title: 'Laftit',
          sourceLang: 'fr',
          targetLang: 'en',
          segments: [
            { id: 'a', source: 'Le ministre\tde l’Intérieur.', target: 'The Minister\nof the Interior.' },
            { id: 'b', source: 'Rabat.', target: 'Rabat.' },
          ],
        },
      },
      {
        seq: 2,
        at: AT,
        actor: 'rev',
        type: 'FlagCreated',
        payload: {
          flagId: 'f1',
          segmentId: 'a',
          side: 'target',
          anchor: { start: 4, end: 12, quote: 'Minister', prefix: 'The ', suffix: '\nof' },
          category: 'terminology',
          severity: 'minor',
          correction: 'minister',
          comment: 'lower case',
        },
      },
    ];
    const out = exportTsv(toDocumentState(foldAll(events)));
    // Tabs and line breaks inside texts become spaces: the format has no escaping.
    expect(out.split('\n')).toEqual([
      HEADER,
      [
        'Laftit',
        'Laftit',
        '1',
        '1',
        'rev',
        'Le ministre de l’Intérieur.',
        'The <v>Minister</v> of the Interior.',
        'Terminology/Inappropriate for context',
        'Minor',
        'lower case',
      ].join('\t'),
      ['Laftit', 'Laftit', '1', '2', 'ana', 'Rabat.', 'Rabat.', 'No-error', 'No-error', ''].join('\t'),
      '',
    ]);
    expect(parseWmtTsv(out).errors).toEqual([]);
  });

  it('round-trips the public TED file losslessly (every system)', () => {
    const text = readFileSync(new URL('../../../samples/wmt-mqm/mqm_ted_ende.tsv', import.meta.url), 'utf8');
    const t0 = performance.now();
    const parsed = parseWmtTsv(text);
    const built = buildDocuments(parsed.rows, opts);
    console.log(`mqm_ted_ende.tsv: parse + build ${(performance.now() - t0).toFixed(0)} ms`);
    expect(text.split('\n').length - 1).toBe(8436);
    expect(parsed.rows).toHaveLength(8434); // 8,436 lines − header − line 6444
    expect(parsed.errors).toEqual([{ line: 6444, message: 'target: <v> without </v>' }]);
    expect(parsed.warnings).toEqual([]);
    // Quotes are literal: line 462 has "black hole" in its source and „…“ in its target.
    expect(parsed.rows.find((r) => r.line === 462)).toMatchObject({
      source: expect.stringContaining('"black hole"'),
      category: 'Fluency/Spelling',
    });
    expect(built.documents).toHaveLength(14);
    expect(built.documents.reduce((n, d) => n + d.flags.length, 0)).toBe(4030);

    const { before, after } = roundTrip(text);
    expect(after).toHaveLength(before.length);
    expect(multiset(after)).toEqual(multiset(before));
  });
});
