import { XMLParser, XMLValidator } from 'fast-xml-parser';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capture } from './test-io';
import { run } from './visavis';

const SAMPLE = fileURLToPath(new URL('../../samples/laftit-darmanin/', import.meta.url));
const S = path.join(SAMPLE, 'source.ar.txt');
const T = path.join(SAMPLE, 'target.fr.txt');
const G = path.join(SAMPLE, 'glossary.csv');

interface JsonFinding {
  segmentIndex: number;
  start: number;
  end: number;
  quote: string;
  checkId: string;
  category: string;
  severity: string;
  message: string;
  fix: { replacement: string } | null;
  location: { file: string; line: number; column: number } | null;
}

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'visavis-qa-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('visavis qa', () => {
  it('json: the sample’s required findings, each with segment, offsets, quote, check, category, severity, message, fix', async () => {
    const c = capture();
    expect(await run(['qa', '--source', S, '--target', T, '--glossary', G, '--format', 'json'], c.io)).toBe(1);
    const out = JSON.parse(c.stdout()) as { summary: { findings: number; failed: boolean }; findings: JsonFinding[] };
    const quotes = out.findings.map((f) => `${f.checkId}:${f.quote}`);
    for (const expected of [
      'name-near-miss:Lafetet',
      'term-forbidden:que Dieu le glorifie',
      'term-forbidden:Sahel et du désert',
      'term-forbidden:groupe de contact permanent',
      'term-forbidden:directives royales',
      'unpaired:\u00a0»',
      'target-only:Laisser un commentaire',
      'target-only:Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *',
      'target-only:Bouton retour en haut de la page',
      'target-only:close button',
    ]) {
      expect(quotes).toContain(expected);
    }
    expect(out.findings).toHaveLength(11);
    expect(out.summary).toMatchObject({ findings: 11, failed: true });
    expect(out.findings[0]).toEqual({
      id: expect.stringMatching(/^qa_/),
      segmentIndex: 0,
      segmentId: 'p1',
      side: 'target',
      start: 0,
      end: 7,
      quote: 'Lafetet',
      checkId: 'name-near-miss',
      category: 'accuracy/mistranslation',
      severity: 'major',
      message: 'Name: “Lafetet” looks like a misspelling of “Laftit” (glossary).',
      messageKey: 'qa.name-near-miss.glossary',
      params: { found: 'Lafetet', expected: 'Laftit' },
      fix: { replacement: 'Laftit' },
      location: { file: T, line: 1, column: 1 },
    });
    // Lines count the file's blank and whitespace-only lines: the last paragraph is on line 19.
    expect(out.findings.find((f) => f.checkId === 'unpaired')?.location).toMatchObject({ line: 19 });
  });

  it('text: one line per finding with file:line:column, and a summary', async () => {
    const c = capture();
    expect(await run(['qa', '--source', S, '--target', T, '--glossary', G], c.io)).toBe(1);
    const lines = c.stdout().trimEnd().split('\n');
    expect(lines[0]).toBe(
      `${T}:1:1: major name-near-miss “Lafetet”: Name: “Lafetet” looks like a misspelling of “Laftit” (glossary). → “Laftit”`,
    );
    expect(lines.at(-1)).toBe('11 finding(s) (2 minor, 9 major) in 13 segment(s); 9 at or above major: FAIL');
  });

  it('junit: well-formed, one testcase per segment, one failure per finding', async () => {
    const c = capture();
    expect(await run(['qa', '--source', S, '--target', T, '--glossary', G, '--format', 'junit'], c.io)).toBe(1);
    const xml = c.stdout();
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => name === 'testcase' || name === 'failure',
    }).parse(xml) as {
      testsuites: {
        testsuite: {
          '@_tests': string;
          '@_failures': string;
          testcase: { '@_name': string; failure?: { '@_type': string; '@_message': string }[] }[];
        };
      };
    };
    const suite = parsed.testsuites.testsuite;
    expect(suite['@_tests']).toBe('13');
    expect(suite['@_failures']).toBe('11');
    expect(suite.testcase).toHaveLength(13);
    expect(suite.testcase[0]!.failure!.map((f) => f['@_type'])).toEqual(['name-near-miss']);
    expect(suite.testcase[1]!.failure).toBeUndefined();
    expect(suite.testcase[6]!.failure!.map((f) => f['@_message'])).toEqual([
      '[major] Glossary: “directives royales” is a forbidden translation of “التوجيهات الملكية السامية” (use: Hautes Orientations Royales).',
      '[major] Glossary: “groupe de contact permanent” is a forbidden translation of “المجموعة الهجروية المختلطة الدائمة” (use: Groupe migratoire mixte permanent).',
    ]);
  });

  it('--fail-on critical passes a run with major findings; --disable and --settings change the checks', async () => {
    expect(
      await run(['qa', '--source', S, '--target', T, '--glossary', G, '--fail-on', 'critical'], capture().io),
    ).toBe(0);
    const settings = path.join(tmp, 'qa.json');
    await fs.writeFile(settings, JSON.stringify({ checks: { 'fr-spacing': { severity: 'critical' } } }));
    const c = capture();
    const args = [
      'qa',
      '--source',
      S,
      '--target',
      T,
      '--settings',
      settings,
      '--disable',
      'target-only,name-near-miss',
      '--format',
      'json',
      '--fail-on',
      'critical',
    ];
    expect(await run(args, c.io)).toBe(1);
    const out = JSON.parse(c.stdout()) as { findings: JsonFinding[] };
    expect(out.findings.map((f) => [f.checkId, f.severity])).toEqual([
      ['fr-spacing', 'critical'],
      ['unpaired', 'minor'],
    ]);
  });

  it('reads the app’s JSON export and its languages', async () => {
    const file = path.join(tmp, 'export.json');
    const segments = [
      { id: 'a1', index: 0, source: 'لفتيت في باريس 2024', target: 'Laftit à Paris 2025', version: 1, status: 'draft' },
      { id: 'a2', index: 1, source: 'ثم عاد', target: 'Puis il est rentré.', version: 1, status: 'draft' },
    ];
    await fs.writeFile(
      file,
      JSON.stringify({
        format: 'visavis-document',
        formatVersion: 1,
        document: { title: 'Test', sourceLang: 'ar', targetLang: 'fr', segments },
        events: [],
      }),
    );
    const c = capture();
    expect(await run(['qa', '--document', file, '--glossary', G, '--format', 'json'], c.io)).toBe(1);
    const out = JSON.parse(c.stdout()) as { title: string; findings: JsonFinding[] };
    expect(out.title).toBe('Test');
    expect(out.findings.map((f) => [f.segmentIndex, f.checkId, f.quote, f.fix?.replacement, f.location])).toEqual([
      [0, 'number-mismatch', '2025', '2024', null],
      [1, 'end-punctuation', '.', '', null],
    ]);
  });

  it('a TBX glossary, chosen by its extension', async () => {
    const tbx = path.join(tmp, 'g.tbx');
    await fs.writeFile(
      tbx,
      `<martif type="TBX-Basic"><text><body><termEntry><langSet xml:lang="ar"><tig><term>نصره الله</term></tig></langSet>
       <langSet xml:lang="fr"><tig><term>que Dieu L'assiste</term></tig><tig><term>que Dieu le glorifie</term>
       <termNote type="administrativeStatus">deprecatedTerm-admn</termNote></tig></langSet></termEntry></body></text></martif>`,
    );
    const c = capture();
    await run(['qa', '--source', S, '--target', T, '--glossary', tbx, '--format', 'json'], c.io);
    const out = JSON.parse(c.stdout()) as { findings: JsonFinding[] };
    expect(out.findings.filter((f) => f.checkId.startsWith('term-')).map((f) => f.quote)).toEqual([
      'que Dieu le glorifie',
    ]);
  });

  describe('bad input exits 2 and says what and where', () => {
    it.each([
      [
        'a missing file',
        () => ['qa', '--source', path.join(tmp, 'nope.txt'), '--target', T],
        /^visavis: --source: cannot read .*nope\.txt: ENOENT/,
      ],
      [
        'no input',
        () => ['qa'],
        /nothing to check: give --source S.txt --target T.txt, or --document export.json, or --xliff FILE.xlf/,
      ],
      ['half the texts', () => ['qa', '--source', S], /--target is missing/],
      ['texts and a document', () => ['qa', '--source', S, '--target', T, '--document', S], /not both/],
      ['a document and an XLIFF', () => ['qa', '--document', S, '--xliff', S], /not both/],
      [
        'an unknown glossary format',
        () => ['qa', '--source', S, '--target', T, '--glossary', S],
        /unknown format "\.txt"/,
      ],
      [
        'an unknown check',
        () => ['qa', '--source', S, '--target', T, '--disable', 'grammar'],
        /--disable: unknown check "grammar"/,
      ],
      [
        'a bad --fail-on',
        () => ['qa', '--source', S, '--target', T, '--fail-on', 'nitpick'],
        /argument 'nitpick' is invalid/,
      ],
    ])('%s', async (_what, args, message) => {
      const c = capture();
      expect(await run(args(), c.io)).toBe(2);
      expect(c.stderr()).toMatch(message);
      expect(c.stdout()).toBe('');
    });

    it('a malformed CSV row, with its line number', async () => {
      const csv = path.join(tmp, 'g.csv');
      await fs.writeFile(csv, 'source,target,forbidden,note\nلفتيت,Laftit,,\nنصره الله,que Dieu, L’assiste,,\n');
      const c = capture();
      expect(await run(['qa', '--source', S, '--target', T, '--glossary', csv], c.io)).toBe(2);
      expect(c.stderr()).toBe(
        `${csv}:3: 5 fields, expected 4 (quote a field that contains the delimiter)\nvisavis: ${csv}: 1 malformed glossary row(s), first at line 3\n`,
      );
    });

    it('malformed TBX, not JSON, not an export', async () => {
      const tbx = path.join(tmp, 'g.tbx');
      await fs.writeFile(tbx, '<martif>\n<text>\n</martif>');
      const c1 = capture();
      expect(await run(['qa', '--source', S, '--target', T, '--glossary', tbx], c1.io)).toBe(2);
      expect(c1.stderr()).toMatch(/g\.tbx:3: not well-formed XML/);
      const notJson = path.join(tmp, 'x.json');
      await fs.writeFile(notJson, '{');
      const c2 = capture();
      expect(await run(['qa', '--document', notJson], c2.io)).toBe(2);
      expect(c2.stderr()).toMatch(/x\.json: not JSON/);
      await fs.writeFile(
        notJson,
        JSON.stringify({
          format: 'visavis-document',
          document: { sourceLang: 'ar', targetLang: 'fr', segments: [{ id: 'a', index: 0, source: 1 }] },
        }),
      );
      const c3 = capture();
      expect(await run(['qa', '--document', notJson], c3.io)).toBe(2);
      expect(c3.stderr()).toMatch(
        /not a Vis-à-vis document export \(document\.segments\.0\.source: .*; document\.segments\.0\.target: /,
      );
    });
  });
});
