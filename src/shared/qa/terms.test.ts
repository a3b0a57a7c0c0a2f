import { describe, expect, it } from 'vitest';
import type { Glossary, GlossaryEntry } from '../formats/glossary';
import { checkTerms, compileGlossary, sourceTermSpans } from './terms';

const entry = (source: string, target: string, forbidden = ''): GlossaryEntry => ({
  source: source.split('|'),
  target: target ? target.split('|') : [],
  forbidden: forbidden ? forbidden.split('|') : [],
  note: '',
});

const GLOSSARY: Glossary = {
  sourceLang: 'ar',
  targetLang: 'fr',
  entries: [
    entry('لفتيت', 'Laftit'),
    entry('عبد الوافي لفتيت', 'Abdelouafi Laftit'),
    entry('نصره الله', "que Dieu L'assiste", 'que Dieu le glorifie'),
    entry('الساحل والصحراء', 'sahélo-saharienne|Sahel et du Sahara|Sahel et Sahara', 'désert'),
    entry('المجموعة الهجروية المختلطة الدائمة', 'Groupe migratoire mixte permanent', 'groupe de contact permanent'),
    entry('حكامة الهجرة', 'gouvernance migratoire'),
    entry('التوجيهات الملكية السامية', 'Hautes Orientations Royales', 'directives royales'),
    entry('الألعاب الأولمبية', 'Jeux olympiques'),
    entry('الموقع', 'site'),
  ],
};

function run(source: string, target: string, accentInsensitive = false, glossary = GLOSSARY) {
  const g = compileGlossary(glossary, 'ar', 'fr', accentInsensitive);
  return checkTerms({ id: 's', index: 0, source, target }, g).map((f) => ({
    check: f.checkId,
    quote: (f.side === 'source' ? source : target).slice(f.start, f.end),
    fix: f.fix,
  }));
}

describe('terminology: no finding on correct translations (precision)', () => {
  it.each([
    ['the term as in the glossary', 'دورة الألعاب الأولمبية باريس 2024', 'les Jeux olympiques de Paris 2024'],
    ['other case and a contraction', 'في الألعاب الأولمبية', 'aux Jeux Olympiques'],
    ['the singular of a plural term', 'الألعاب الأولمبية', 'un jeu olympique'],
    ['after "de la"', 'في مجال حكامة الهجرة', 'dans le domaine de la gouvernance migratoire'],
    ['Arabic with و + ال, harakat and tatweel', 'وَالأَلْعَـــابُ الأُولِمْبِيَّةُ', 'et les Jeux olympiques'],
    ['Arabic لل (ل + ال)', 'تنفيذا للتوجيهات الملكية السامية', 'en application des Hautes Orientations Royales'],
    ['Arabic ب + ال on the first word', 'بالساحل والصحراء', 'dans la zone sahélo-saharienne'],
    ['another accepted form', 'منطقة الساحل والصحراء', 'la région du Sahel et du Sahara'],
    ['elision and a curly apostrophe', 'الملك، نصره الله،', 'le Roi, que Dieu l’assiste,'],
    ['the nested term is satisfied by the longer one', 'السيد عبد الوافي لفتيت', 'M. Abdelouafi Laftit'],
    ['the term is not in the source', 'وزير الداخلية', 'le ministre du désert'],
  ])('%s', (_what, source, target) => {
    expect(run(source, target)).toEqual([]);
  });
});

describe('terminology: findings', () => {
  it.each([
    [
      'forbidden form, replaced whole',
      'محمد السادس، نصره الله،',
      'Mohammed VI, que Dieu le glorifie,',
      [{ check: 'term-forbidden', quote: 'que Dieu le glorifie', fix: 'que Dieu L’assiste' }],
    ],
    [
      'forbidden word widened to the accepted form it corrupts',
      'في منطقة الساحل والصحراء.',
      'dans la région du Sahel et du désert.',
      [{ check: 'term-forbidden', quote: 'Sahel et du désert', fix: 'Sahel et du Sahara' }],
    ],
    [
      'forbidden multi-word form',
      'في إطار المجموعة الهجروية المختلطة الدائمة',
      'dans le cadre du groupe de contact permanent',
      [{ check: 'term-forbidden', quote: 'groupe de contact permanent', fix: 'Groupe migratoire mixte permanent' }],
    ],
    [
      'forbidden plural form found in the singular',
      'للتوجيهات الملكية السامية',
      'conformément à la directive royale',
      [{ check: 'term-forbidden', quote: 'directive royale', fix: 'Hautes Orientations Royales' }],
    ],
    [
      'missing term, reported on the source',
      'استقبل لفتيت',
      'Le ministre a reçu',
      [{ check: 'term-missing', quote: 'لفتيت', fix: undefined }],
    ],
    [
      'word boundaries: "site" is not in "website"',
      'الموقع',
      'le website',
      [{ check: 'term-missing', quote: 'الموقع', fix: undefined }],
    ],
  ])('%s', (_what, source, target, expected) => {
    expect(run(source, target)).toEqual(expected);
  });

  it('a sentence-initial forbidden form gets a capitalised fix', () => {
    expect(run('التوجيهات الملكية السامية', 'Directives royales : mise en œuvre')[0]!.fix).toBe(
      'Hautes Orientations Royales',
    );
    expect(run('نصره الله', 'Que Dieu le glorifie.')[0]!.fix).toBe('Que Dieu L’assiste');
  });

  it('accents: exact by default, ignored with accentInsensitive', () => {
    expect(run('الساحل والصحراء', 'la région du Sahel et du desert')).toEqual([
      { check: 'term-missing', quote: 'الساحل والصحراء', fix: undefined },
    ]);
    expect(run('الساحل والصحراء', 'la région du Sahel et du desert', true)).toEqual([
      { check: 'term-forbidden', quote: 'Sahel et du desert', fix: 'Sahel et du Sahara' },
    ]);
    expect(run('الساحل والصحراء', 'la region du Sahel et du Sahara', true)).toEqual([]);
  });

  it('a forbidden form inside an accepted one is not a use of it', () => {
    const g: Glossary = {
      sourceLang: 'ar',
      targetLang: 'fr',
      entries: [entry('الساحل والصحراء', 'Sahel et Sahara', 'Sahel')],
    };
    expect(run('الساحل والصحراء', 'le Sahel et Sahara', false, g)).toEqual([]);
    expect(run('الساحل والصحراء', 'le Sahel', false, g)).toEqual([
      { check: 'term-forbidden', quote: 'Sahel', fix: undefined },
    ]);
  });

  it('an entry without a source term forbids its forms everywhere', () => {
    const g: Glossary = {
      sourceLang: 'ar',
      targetLang: 'fr',
      entries: [{ source: [], target: [], forbidden: ['Maroc occidental'], note: '' }],
    };
    expect(run('نص', 'Le Maroc occidental', false, g)).toEqual([
      { check: 'term-forbidden', quote: 'Maroc occidental', fix: undefined },
    ]);
  });

  it('compiles a glossary once per setting', () => {
    expect(compileGlossary(GLOSSARY, 'ar', 'fr', false)).toBe(compileGlossary(GLOSSARY, 'ar', 'fr', false));
    expect(compileGlossary(GLOSSARY, 'ar', 'fr', true)).not.toBe(compileGlossary(GLOSSARY, 'ar', 'fr', false));
  });
});

describe('sourceTermSpans', () => {
  it('finds glossary terms in an Arabic source, with clitics and harakat, outermost only', () => {
    const glossary = {
      sourceLang: 'ar',
      targetLang: 'fr',
      entries: [
        { source: ['لفتيت'], target: ['Laftit'], forbidden: [], note: '' },
        { source: ['عبد الوافي لفتيت'], target: ['Abdelouafi Laftit'], forbidden: [], note: '' },
        { source: ['الساحل والصحراء'], target: ['Sahel et du Sahara'], forbidden: [], note: '' },
      ],
    };
    const g = compileGlossary(glossary, 'ar', 'fr', false);
    const text = 'استقبل السيد عبد الوافي لفتيت وزيرَ الداخلية، ثم زار لفتيت منطقة الساحل والصحراء.';
    const spans = sourceTermSpans(text, g).map((s) => [text.slice(s.start, s.end), s.targets[0]]);
    expect(spans).toEqual([
      ['عبد الوافي لفتيت', 'Abdelouafi Laftit'],
      ['لفتيت', 'Laftit'],
      ['الساحل والصحراء', 'Sahel et du Sahara'],
    ]);
  });
});
