import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeAnchor } from '../../anchor';
import type { NewEvent } from '../../events';
import type { DocumentState } from '../../schemas';
import { readXliff } from './read';
import type { XliffImport } from './model';
import { schemaErrors } from '../../../server/xliff-schema-check';
import { exportAfter, importDocument, readOk } from './test-helpers';
import { writeXliff } from './write';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** What a round trip must keep: texts, statuses, translate="no", codes (by identity) and marks. */
function essence(read: XliffImport) {
  return read.segments.map((s) => ({
    source: s.source,
    target: s.target,
    status: s.status,
    readOnly: s.readOnly,
    codes: Object.entries(s.codes ?? {})
      .map(([ch, c]) => `${ch}:${c.kind}:${c.key}`)
      .sort(),
    marks: s.marks.map((m) => `${m.side}:${m.start}-${m.end}:${m.category}:${m.severity}:${m.status ?? 'open'}`).sort(),
  }));
}

const FIXTURES: [string, string][] = [
  ['features-2.2.xlf', '2.2'],
  ['angular-messages.xlf', '1.2'],
  ['symfony-messages.fr.xlf', '1.2'],
  ['trados.sdlxliff', '1.2'],
  ['okapi.xlf', '1.2'],
];

describe('XLIFF 2.2: what is read', () => {
  const read = readOk(fixture('features-2.2.xlf'));

  it('units, segments (several per unit), notes, marks, translate="no"', () => {
    expect(read.version).toBe('2.2');
    expect(read.counts).toEqual({ files: 1, units: 3, segments: 5, marks: 3, notes: 1 });
    expect(read.segments.map((s) => s.meta.unit)).toEqual(['u1', 'u1', 'u2', 'u3', 'u3']);
    expect(read.segments[0]!.notes).toEqual(['The greeting on the home page.']);
    expect(read.segments[2]!.readOnly).toBe(true);
  });

  it('statuses from state and subState', () => {
    expect(read.segments.map((s) => s.status)).toEqual([
      'translated',
      'approved',
      'draft',
      'draft',
      'changes-requested',
    ]);
  });

  it('inline codes: one private-use character each, the same in source and target', () => {
    const s = read.segments[0]!;
    const codes = Object.entries(s.codes!);
    expect(codes.map(([, c]) => `${c.kind} ${c.key}`)).toEqual(['open pc#1', 'close pc#1/', 'standalone ph#2']);
    const [open, close, ph] = codes.map(([ch]) => ch);
    expect(s.source).toBe(`Hello ${open}dear${close} world.${ph}`);
    expect(s.target).toBe(`Bonjour ${open}cher${close} monnde.${ph}`);
    expect(s.codes![open!]!.pair).toBe(close);
  });

  it('ITS quality issues become marks, the standoff list too (two issues on one span)', () => {
    const s = read.segments[0]!;
    expect(s.marks).toEqual([
      expect.objectContaining({
        side: 'target',
        category: 'fluency/spelling',
        severity: 'major',
        itsType: 'misspelling',
      }),
    ]);
    const m = s.marks[0]!;
    expect(s.target.slice(m.start, m.end)).toBe('monnde');
    expect(read.segments[4]!.marks.map((x) => [x.category, x.severity, x.start, x.end])).toEqual([
      ['fluency/grammar', 'minor', 0, 4],
      ['style', 'neutral', 0, 4],
    ]);
  });
});

describe('round trips: import → export → import keeps units, segments, states, codes and marks', () => {
  it.each(FIXTURES)('%s (XLIFF %s), and the export validates against the official schema', (name, version) => {
    const text = fixture(name);
    const out = exportAfter(text);
    expect(schemaErrors(out, version)).toBeNull();
    expect(essence(readOk(out))).toEqual(essence(readOk(text)));
    // And again: a second round trip changes nothing more (but the flags' new ids).
    const ids = (xml: string) => xml.replace(/vv-(lqi-)?f[0-9a-f]{16}/g, 'vv-ID');
    expect(ids(exportAfter(out))).toBe(ids(out));
  });
});

const edit = (doc: DocumentState, index: number, target: string): NewEvent => ({
  type: 'SegmentEdited',
  payload: { segmentId: doc.segments[index]!.id, target, cause: 'edit' },
});

describe('what a review changes goes out', () => {
  it('an edited target with its codes moved, a new flag with a correction, statuses', () => {
    const text = fixture('features-2.2.xlf');
    const out = exportAfter(text, (doc) => {
      const s = doc.segments[0]!;
      const [open, close, ph] = Object.keys(s.codes!);
      const target = `${ph}Bonjour ${open}cher${close} monde.`;
      const start = target.indexOf('cher');
      return [
        edit(doc, 0, target),
        {
          type: 'FlagCreated',
          payload: {
            flagId: 'fnew',
            segmentId: s.id,
            side: 'target',
            anchor: makeAnchor(target, start, start + 4),
            category: 'style',
            severity: 'minor',
            correction: 'chère',
            comment: 'Féminin',
          },
        },
        {
          type: 'SegmentStatusChanged',
          payload: { segmentId: doc.segments[3]!.id, status: 'translated', reason: null, override: false },
        },
        edit(doc, 3, 'À traduire.'),
      ];
    });
    expect(schemaErrors(out, '2.2')).toBeNull();
    const again = readOk(out);
    const s = again.segments[0]!;
    const [open, close, ph] = Object.keys(s.codes!);
    expect(s.target).toBe(`${ph}Bonjour ${open}cher${close} monde.`);
    const flag = s.marks.find((m) => m.correction === 'chère')!;
    expect(flag).toMatchObject({ category: 'style', severity: 'minor', comment: 'Féminin', itsType: 'style' });
    expect(s.target.slice(flag.start, flag.end)).toBe('cher');
    expect(out).toContain('its:locQualityIssueComment="Féminin → chère"');
    expect(again.segments[3]).toMatchObject({ target: 'À traduire.', status: 'translated' });
  });

  it.each([
    ['a mark around half a paired code: the code is written as sc…ec', 'outer'],
    ['a mark from inside a paired code to past it: the mark is written as sm…em', 'inner'],
  ])('%s', (_, where) => {
    const text = fixture('features-2.2.xlf');
    let span: [number, number] = [0, 0];
    const out = exportAfter(text, (doc) => {
      const s = doc.segments[0]!;
      const [open, close] = Object.keys(s.codes!);
      const target = `Bonjour ${open}cher${close} monde.`;
      const cher = target.indexOf('cher');
      span = where === 'outer' ? [0, cher + 2] : [cher + 2, target.length];
      return [
        edit(doc, 0, target),
        {
          type: 'FlagCreated',
          payload: {
            flagId: 'fcross',
            segmentId: s.id,
            side: 'target',
            anchor: makeAnchor(target, ...span),
            category: 'accuracy/mistranslation',
            severity: 'major',
            correction: '',
            comment: '',
          },
        },
      ];
    });
    expect(schemaErrors(out, '2.2')).toBeNull();
    if (where === 'outer') {
      expect(out).toMatch(
        /<mrk id="vv-fcross"[^>]*>Bonjour <sc id="1" dataRef="d1"\/>ch<\/mrk>er<ec startRef="1" dataRef="d2"\/>/,
      );
    } else {
      expect(out).toMatch(/<sm id="vv-fcross"[^>]*its:locQualityIssueType="mistranslation"/);
      expect(out).toContain('<em startRef="vv-fcross"/>');
    }
    const flag = readOk(out).segments[0]!.marks.find((m) => m.category === 'accuracy/mistranslation')!;
    expect([flag.start, flag.end]).toEqual(span);
  });

  it('a close code before its open is written as isolated sc and ec', () => {
    const text = fixture('features-2.2.xlf');
    const out = exportAfter(text, (doc) => {
      const [open, close] = Object.keys(doc.segments[0]!.codes!);
      return [edit(doc, 0, `${close}Bonjour ${open}cher monde.`)];
    });
    expect(schemaErrors(out, '2.2')).toBeNull();
    expect(out).toContain('<ec id="1" isolated="yes"');
    // Ids are unique in a unit's target (copied-codes.ts): the same id on both was refused when read again.
    expect(out).toContain('<sc id="1-2" isolated="yes"');
    expect(out).not.toContain('copyOf');
    expect(readXliff(out).ok).toBe(true);
  });

  it('approved segments are reviewed, and final once the document is approved', () => {
    const text = fixture('features-2.2.xlf');
    const out = exportAfter(text, (doc) => [
      {
        type: 'SegmentStatusChanged',
        payload: { segmentId: doc.segments[0]!.id, status: 'approved', reason: null, override: false },
      },
    ]);
    expect(out).toMatch(/<segment id="s1" state="reviewed"/);
    const approved = exportAfter(text, () => [
      { type: 'DocumentStatusChanged', payload: { status: 'approved', reason: null, override: false } },
    ]);
    expect(approved).toMatch(/<segment id="s2" state="final"/);
  });

  it('XLIFF 1.2: statuses, approved, our sub-status; a changed Symfony file validates', () => {
    const text = fixture('symfony-messages.fr.xlf');
    const out = exportAfter(text, (doc) => [
      {
        type: 'SegmentStatusChanged',
        payload: { segmentId: doc.segments[0]!.id, status: 'changes-requested', reason: null, override: false },
      },
      {
        type: 'SegmentStatusChanged',
        payload: { segmentId: doc.segments[1]!.id, status: 'approved', reason: null, override: false },
      },
    ]);
    expect(schemaErrors(out, '1.2')).toBeNull();
    expect(readOk(out).segments.map((s) => s.status)).toEqual(['changes-requested', 'approved', 'approved']);
    expect(out).toContain('<alt-trans match-quality="80">');
  });

  it("Trados seg-source: one segment per mrk; a missing target segment is written in the source's shape", () => {
    const text = fixture('trados.sdlxliff');
    expect(readOk(text).segments.map((s) => [s.meta.mid, s.target])).toEqual([
      ['1', 'Willkommen in \ue000unserem Laden\ue001.'],
      ['2', 'Preise ab 5 EUR.'],
    ]);
    const noTarget = text.replace(/<target>.*<\/target>/, '');
    const out = exportAfter(noTarget, (doc) => [edit(doc, 1, 'Preise ab 5 EUR.')]);
    expect(schemaErrors(out, '1.2')).toBeNull();
    expect(out).toContain(
      '<target state="new"><mrk mtype="seg" mid="1"/> <mrk mtype="seg" mid="2">Preise ab 5 EUR.</mrk></target>',
    );
  });
});

describe('Trados statuses (sdl:seg conf)', () => {
  it('are read, and written back when a status changes', () => {
    const text = fixture('trados.sdlxliff');
    expect(readOk(text).segments.map((s) => s.status)).toEqual(['translated', 'draft']);
    const out = exportAfter(text, (doc) => [
      {
        type: 'SegmentStatusChanged',
        payload: { segmentId: doc.segments[1]!.id, status: 'approved', reason: null, override: false },
      },
    ]);
    expect(out).toContain('<sdl:seg id="2" conf="ApprovedTranslation"/>');
    expect(out).toContain('<sdl:seg id="1" conf="Translated" origin="tm" percent="100"/>');
    expect(readOk(out).segments.map((s) => s.status)).toEqual(['translated', 'approved']);
    expect(schemaErrors(out, '1.2')).toBeNull();
  });
});

describe('a document from plain texts', () => {
  it('exports as XLIFF 2.2, a unit per segment, valid', () => {
    const doc = {
      sourceLang: 'en',
      targetLang: 'fr',
      status: 'in-translation' as const,
      segments: [
        { id: 's1', source: 'One & two <three>', target: 'Un & deux <trois>', status: 'translated' as const },
        { id: 's2', source: 'Four', target: '', status: 'draft' as const },
      ],
      flags: [],
    };
    const out = writeXliff(doc, null);
    expect(schemaErrors(out, '2.2')).toBeNull();
    expect(out).toContain('<target>Un &amp; deux &lt;trois&gt;</target>');
    expect(readOk(out).segments.map((s) => [s.source, s.target, s.status])).toEqual([
      ['One & two <three>', 'Un & deux <trois>', 'translated'],
      ['Four', '', 'draft'],
    ]);
  });
});

describe('what is refused, with the rule and the line', () => {
  const x2 = (units: string, root = 'srcLang="en" trgLang="fr"') =>
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" ${root}>\n<file id="f1">\n${units}\n</file>\n</xliff>`;
  it.each([
    ['well-formed', '<xliff><file>', 1],
    ['xliff-root', '<html/>', 1],
    ['srcLang', x2('<unit id="u"><segment><source>a</source></segment></unit>', 'trgLang="fr"'), 1],
    [
      'unique-unit-group-id',
      x2(
        '<unit id="u"><segment><source>a</source></segment></unit>\n<unit id="u"><segment><source>b</source></segment></unit>',
      ),
      4,
    ],
    [
      'unique-segment-id',
      x2(
        '<unit id="u">\n<segment id="s"><source>a</source></segment>\n<segment id="s"><source>b</source></segment></unit>',
      ),
      5,
    ],
    ['state-needs-target', x2('<unit id="u">\n<segment state="translated"><source>a</source></segment></unit>'), 4],
    ['subState-needs-state', x2('<unit id="u">\n<segment subState="x:y"><source>a</source></segment></unit>'), 4],
    ['sc-ec-pairing', x2('<unit id="u"><segment><source>a<sc id="1"/>b</source></segment></unit>'), 3],
    ['sc-ec-pairing', x2('<unit id="u"><segment><source>a<ec startRef="9"/>b</source></segment></unit>'), 3],
    ['sm-em-pairing', x2('<unit id="u"><segment><source>a<em startRef="9"/></source></segment></unit>'), 3],
    ['unique-inline-id', x2('<unit id="u"><segment><source><ph id="1"/><ph id="1"/></source></segment></unit>'), 3],
    ['dataRef', x2('<unit id="u"><segment><source><ph id="1" dataRef="d9"/></source></segment></unit>'), 3],
    ['trgLang', x2('<unit id="u"><segment><source>a</source><target>b</target></segment></unit>', 'srcLang="en"'), 3],
    [
      'unique-file-id',
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.2" version="2.2" srcLang="en">\n<file id="f"><unit id="u"><segment><source>a</source></segment></unit></file>\n<file id="f"><unit id="u"><segment><source>a</source></segment></unit></file></xliff>',
      3,
    ],
  ])('%s', (rule, text, line) => {
    const r = readXliff(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatchObject({ rule, line });
  });

  it('an entity declaration (XXE) is refused before anything is read', () => {
    const r = readXliff('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xliff/>');
    expect(r.ok).toBe(false);
  });

  it('a valid file with isolated codes and cross-segment sc/ec is not refused', () => {
    const ok = x2(
      '<unit id="u"><segment><source>a<sc id="1"/>b</source></segment><segment><source>c<ec startRef="1"/><ec id="2" isolated="yes"/></source></segment></unit>',
    );
    expect(readXliff(ok).ok).toBe(true);
  });
});

describe('documents folded from an import', () => {
  it('keep codes, notes, translate="no" and statuses on their segments', () => {
    const doc = importDocument(fixture('features-2.2.xlf'));
    expect(doc.segments[0]!.codes).toBeDefined();
    expect(doc.segments[0]!.notes).toEqual(['The greeting on the home page.']);
    expect(doc.segments[2]!.readOnly).toBe(true);
    expect(doc.segments.map((s) => s.status)).toEqual([
      'translated',
      'approved',
      'draft',
      'draft',
      'changes-requested',
    ]);
    expect(doc.flags).toHaveLength(3);
  });
});
