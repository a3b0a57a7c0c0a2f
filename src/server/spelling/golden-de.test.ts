import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../shared/qa/engine';
import { formatRates, loadGoldenSample, scoreGolden } from '../../shared/qa/golden-sample';
import { findingsTask } from '../workers/document-tasks';
import type { Finding } from '../../shared/qa/types';
import { lexiconFor } from './lexicon';

// The English → German golden article as the server checks it: with dictionary-de, the spelling check runs and
// the name check knows German nouns from names (samples/lindenau-hydrogen).
const DIR = fileURLToPath(new URL('../../../samples/lindenau-hydrogen/', import.meta.url));
const sample = loadGoldenSample((f) => fs.readFileSync(DIR + f, 'utf8'), {
  source: 'source.en.txt',
  target: 'target.de.txt',
});

describe('the Lindenau hydrogen-bus article (en → de), server checks with dictionary-de', () => {
  it('finds every planted error, spelling included, flags no look-alike, and nothing else', () => {
    const findings = checkDocument(sample.doc, sample.glossary, undefined, lexiconFor('de'));
    const result = scoreGolden(sample, findings, true);
    console.log(`en → de golden article, server checks:\n${formatRates(result, sample.manifest.lookAlikes.length)}`);
    expect(result.missed.map((p) => [p.paragraph, p.checkId, p.quote])).toEqual([]);
    expect(result.flaggedLookAlikes.map(({ lookAlike: l, by }) => [l.paragraph, l.quote, by.checkId])).toEqual([]);
    expect(result.falseAlarms.map((f) => [f.segmentIndex, f.checkId, f.quote])).toEqual([]);
    expect(findings.find((f) => f.checkId === 'spelling')?.fix).toEqual({ replacement: 'Stunden' });
  }, 60_000);

  it('the corrected translation has no finding, spelling and names included', () => {
    const corrected = loadGoldenSample((f) => fs.readFileSync(DIR + f, 'utf8'), {
      source: 'source.en.txt',
      target: 'target.de.corrected.txt',
    });
    const findings = checkDocument(corrected.doc, corrected.glossary, undefined, lexiconFor('de'));
    expect(findings.map((f) => [f.segmentIndex, f.checkId, f.quote])).toEqual([]);
  }, 60_000);

  it('the worker task (what GET /qa answers) gives the same findings', () => {
    const result = findingsTask({
      type: 'findings',
      doc: sample.doc,
      glossary: sample.glossary,
      hidden: [],
      glossaryKey: 'golden',
    });
    const findings = 'findings' in result ? result.findings.flatMap((s) => JSON.parse(s) as Finding[]) : [];
    expect(findings).toEqual(checkDocument(sample.doc, sample.glossary, undefined, lexiconFor('de')));
  }, 60_000);
});
