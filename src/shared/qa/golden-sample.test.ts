import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDocument } from './engine';
import { formatRates, loadGoldenSample, locate, scoreGolden } from './golden-sample';
// Its glossary is German, matched by stems: the stemmers are provided as the server and the UI provide them.
import './snowball';

// The second golden article (issue #12): English → German, planted errors and correct look-alikes
// (samples/lindenau-hydrogen/manifest.json), checked as the browser checks it (no dictionary).
const DIR = fileURLToPath(new URL('../../../samples/lindenau-hydrogen/', import.meta.url));
const sample = loadGoldenSample((f) => fs.readFileSync(DIR + f, 'utf8'), {
  source: 'source.en.txt',
  target: 'target.de.txt',
});
const { doc, glossary, manifest } = sample;

describe('the Lindenau hydrogen-bus article (en → de), browser checks', () => {
  const findings = checkDocument(doc, glossary);
  const result = scoreGolden(sample, findings, false);

  it('is a real article: 30 paragraphs, each planted error and look-alike where the manifest says', () => {
    expect(doc.segments).toHaveLength(31);
    for (const s of [...manifest.planted, ...manifest.lookAlikes]) expect(() => locate(doc, s)).not.toThrow();
    expect(manifest.planted.length).toBeGreaterThanOrEqual(12);
    expect(manifest.lookAlikes.length).toBeGreaterThanOrEqual(20);
  });

  it('finds every planted error with its check and category, flags no look-alike, and nothing else', () => {
    console.log(`en → de golden article, browser checks:\n${formatRates(result, manifest.lookAlikes.length)}`);
    expect(result.missed.map((p) => [p.paragraph, p.checkId, p.quote])).toEqual([]);
    expect(result.flaggedLookAlikes.map(({ lookAlike: l, by }) => [l.paragraph, l.quote, by.checkId])).toEqual([]);
    expect(result.falseAlarms.map((f) => [f.segmentIndex, f.checkId, f.quote])).toEqual([]);
  });

  it('the look-alikes are traps: read with English rules, the checks flag those the manifest names', () => {
    // Same document, English target profile: no compounds, no "zehn", decimal point, "die die" doubled,
    // capitals as names, “…” quotes. What the German profile keeps quiet must fire here, or it proves nothing.
    const naive = scoreGolden(sample, checkDocument({ ...doc, targetLang: 'en' }, glossary), false);
    const flagged = new Set(
      naive.flaggedLookAlikes.map(({ lookAlike: l, by }) => `${l.paragraph}|${l.quote}|${by.checkId}`),
    );
    const expected = manifest.lookAlikes.filter((l) => l.naive).map((l) => `${l.paragraph}|${l.quote}|${l.naive}`);
    expect(expected.length).toBeGreaterThanOrEqual(10);
    expect(expected.filter((k) => !flagged.has(k))).toEqual([]);
  });

  it('the corrected translation (every planted error fixed) has no finding at all: a good translation is quiet', () => {
    const corrected = loadGoldenSample((f) => fs.readFileSync(DIR + f, 'utf8'), {
      source: 'source.en.txt',
      target: 'target.de.corrected.txt',
    });
    expect(corrected.doc.segments).toHaveLength(30);
    expect(checkDocument(corrected.doc, corrected.glossary).map((f) => [f.segmentIndex, f.checkId, f.quote])).toEqual(
      [],
    );
  });

  it('leaves the dictionary findings to the server: no spelling, and the unlisted name only with a dictionary', () => {
    const serverOnly = manifest.planted.filter((p) => p.where === 'server');
    expect(serverOnly.map((p) => p.checkId).sort()).toEqual(['name-near-miss', 'spelling']);
    for (const p of serverOnly) {
      const at = locate(doc, p);
      expect(findings.some((f) => f.segmentIndex === p.paragraph && f.start === at.start)).toBe(false);
    }
  });
});
