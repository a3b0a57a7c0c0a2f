import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../shared/qa/engine';
import { checkSpelling } from '../../shared/qa/spelling';
import { findingsTask } from '../workers/document-tasks';
import { lexiconFor, lexiconLoads } from './lexicon';

describe('Hunspell dictionaries (nspell)', () => {
  it('loads German lazily, once, and knows the nouns the name check used to call misspelt names', () => {
    const de = lexiconFor('de-DE')!;
    expect(de).not.toBeNull();
    for (const w of ['Staat', 'Stadt', 'Frauen', 'Fragen', 'Damen', 'Daten', 'Söhne', 'Sonne'])
      expect(de.isWord(w)).toBe(true);
    expect(de.isWord('Empfinflichkeit')).toBe(false);
    expect(lexiconFor('de-AT')).toBe(de);
    expect(lexiconLoads.filter((l) => l.pkg === 'dictionary-de')).toHaveLength(1);
  }, 60_000);

  it('has none for French (too slow to load) or Japanese: no spelling check there', () => {
    expect(lexiconFor('fr')).toBeNull();
    expect(lexiconFor('ja')).toBeNull();
  });

  it('in the worker task, German findings include spelling with its fix, and no noun is a misspelt name', () => {
    const doc = {
      sourceLang: 'en',
      targetLang: 'de',
      segments: [
        ['The state helps the women.', 'Der Staat hilft den Frauen.'],
        ['The city asks the ladies.', 'Die Stadt fragt die Damen nach den Daten.'],
        ['Her sons love the sun.', 'Ihre Söhne lieben die Sonne.'],
        ['The sensitivity is high.', 'Die Empfinflichkeit ist hoch.'],
      ].map(([source, target], index) => ({ id: `s${index + 1}`, index, source: source!, target: target! })),
    };
    const result = findingsTask({ type: 'findings', doc, hidden: [], glossaryKey: null });
    const findings =
      'findings' in result
        ? result.findings.flatMap(
            (s) => JSON.parse(s) as { checkId: string; quote: string; fix?: { replacement: string } }[],
          )
        : [];
    expect(findings.map((f) => [f.checkId, f.quote, f.fix?.replacement])).toEqual([
      ['spelling', 'Empfinflichkeit', 'Empfindlichkeit'],
    ]);
    // The browser (no dictionary) has no spelling check.
    expect(checkDocument(doc, null).filter((f) => f.checkId === 'spelling')).toEqual([]);
  }, 60_000);

  // The English dictionary is American: British spellings in an en-GB (or plain en) translation are not typos.
  it('English outside the United States: British spellings are known; in en-US they are still reported', () => {
    const en = lexiconFor('en')!;
    const words =
      'The route is 3.2 kilometres long; neighbouring centres organised a programme, centred on jewellery, travelled and analysed the catalogue.';
    const seg = { id: 's1', index: 0, source: '路线', target: words };
    const spelling = (lang: string) => checkSpelling(seg, lang, en, new Set()).map((f) => f.params?.word);
    expect(spelling('en-GB')).toEqual([]);
    expect(spelling('en')).toEqual([]);
    expect(spelling('en-US')).toEqual(expect.arrayContaining(['kilometres', 'neighbouring']));
    // A slip is still one: "neighbuoring" is no British spelling of anything.
    expect(checkSpelling({ ...seg, target: 'The neighbuoring towns.' }, 'en-GB', en, new Set()).length).toBe(1);
  }, 60_000);
});
