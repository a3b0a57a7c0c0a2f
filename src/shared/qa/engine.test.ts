import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseGlossaryCsv, type Glossary } from '../formats/glossary';
import { importPlainTexts } from '../formats/import-text';
import { checkDocument, checkSegment, documentContext, updateContext, type QaDocument } from './engine';
import { englishMessage } from './messages';
import { DEFAULT_QA_SETTINGS, QaSettingsSchema, type Finding } from './types';

const SAMPLE = fileURLToPath(new URL('../../../samples/laftit-darmanin/', import.meta.url));
const read = (f: string) => fs.readFileSync(SAMPLE + f, 'utf8');

const doc: QaDocument = {
  sourceLang: 'ar',
  targetLang: 'fr',
  segments: importPlainTexts(read('source.ar.txt'), read('target.fr.txt')).map((p, i) => ({
    id: `p${i + 1}`,
    index: i,
    ...p,
  })),
};
const glossary: Glossary = {
  sourceLang: 'ar',
  targetLang: 'fr',
  entries: parseGlossaryCsv(read('glossary.csv')).entries,
};
const brief = (f: Finding) => [f.segmentIndex, f.checkId, f.quote, f.fix?.replacement];

describe('the Laftit–Darmanin sample', () => {
  const findings = checkDocument(doc, glossary, DEFAULT_QA_SETTINGS);

  it('finds exactly the problems a reviewer would flag, and nothing else', () => {
    // Every finding here is a real problem (see the README's list); anything more would be noise.
    expect(findings.map(brief)).toEqual([
      [0, 'name-near-miss', 'Lafetet', 'Laftit'],
      [2, 'term-forbidden', 'que Dieu le glorifie', 'que Dieu L’assiste'],
      [4, 'term-forbidden', 'Sahel et du désert', 'Sahel et du Sahara'],
      [5, 'fr-spacing', ' ;', '\u202f;'], // a plain space before ";" can wrap the line before it
      [6, 'term-forbidden', 'directives royales', 'Hautes Orientations Royales'],
      [6, 'term-forbidden', 'groupe de contact permanent', 'Groupe migratoire mixte permanent'],
      [8, 'unpaired', '\u00a0»', ''],
      [9, 'target-only', 'Laisser un commentaire', ''],
      [10, 'target-only', 'Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *', ''],
      [11, 'target-only', 'Bouton retour en haut de la page', ''],
      [12, 'target-only', 'close button', ''],
    ]);
  });

  it('gives every finding its MQM category, severity, message and a span that quotes the text', () => {
    for (const f of findings) {
      const seg = doc.segments[f.segmentIndex]!;
      expect((f.side === 'source' ? seg.source : seg.target).slice(f.start, f.end)).toBe(f.quote);
      expect(englishMessage(f)).not.toMatch(/\{\{|qa\./);
    }
    expect(findings[0]).toMatchObject({
      category: 'accuracy/mistranslation',
      severity: 'major',
      segmentId: 'p1',
      side: 'target',
      start: 0,
      end: 7,
    });
    expect(englishMessage(findings[0]!)).toBe('Name: “Lafetet” looks like a misspelling of “Laftit” (glossary).');
  });

  it('applying every fix leaves nothing to fix but the scraped lines', () => {
    const fixed = doc.segments.map((s) => {
      let target = s.target;
      // Right to left, so earlier offsets stay valid.
      for (const f of findings
        .filter((f) => f.segmentId === s.id && f.side === 'target' && f.fix && f.checkId !== 'target-only')
        .reverse()) {
        target = target.slice(0, f.start) + f.fix!.replacement + target.slice(f.end);
      }
      return { ...s, target };
    });
    expect(checkDocument({ ...doc, segments: fixed }, glossary).map((f) => f.checkId)).toEqual([
      'target-only',
      'target-only',
      'target-only',
      'target-only',
    ]);
  });

  it('ids are stable from run to run and distinct', () => {
    const again = checkDocument(doc, glossary);
    expect(again.map((f) => f.id)).toEqual(findings.map((f) => f.id));
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
    expect(findings[0]!.id).toMatch(/^qa_[0-9a-z]{11}$/);
  });

  it('without the glossary, the name is still found from the body', () => {
    expect(checkDocument(doc, null).map(brief)[0]).toEqual([0, 'name-near-miss', 'Lafetet', 'Laftit']);
  });

  it('with the name check off, the glossary reports the missing term on the source', () => {
    const settings = QaSettingsSchema.parse({ checks: { 'name-near-miss': { enabled: false } } });
    const first = checkDocument(doc, glossary, settings)[0]!;
    expect(brief(first)).toEqual([0, 'term-missing', 'لفتيت', undefined]);
    expect(first.side).toBe('source');
  });
});

describe('settings', () => {
  it('switch a check off and change a severity', () => {
    const settings = QaSettingsSchema.parse({
      checks: { 'target-only': { enabled: false }, 'fr-spacing': { severity: 'major' } },
    });
    const found = checkDocument(doc, glossary, settings);
    expect(found.some((f) => f.checkId === 'target-only')).toBe(false);
    expect(found.find((f) => f.checkId === 'fr-spacing')?.severity).toBe('major');
  });

  it('parse to defaults', () => {
    expect(QaSettingsSchema.parse({})).toEqual(DEFAULT_QA_SETTINGS);
    expect(DEFAULT_QA_SETTINGS.checks['term-forbidden']).toEqual({ enabled: true, severity: 'major' });
    expect(DEFAULT_QA_SETTINGS.accentInsensitive).toBe(false);
    expect(QaSettingsSchema.safeParse({ checks: { 'fr-spacing': { severity: 'huge' } } }).success).toBe(false);
  });
});

describe('per-segment re-check', () => {
  it('gives the same findings as the whole-document run', () => {
    const ctx = documentContext(doc, glossary);
    const perSegment = doc.segments.flatMap((s) => checkSegment(ctx, s, glossary));
    expect(perSegment).toEqual(checkDocument(doc, glossary));
  });

  it('re-checks an edited segment, with the context updated for it', () => {
    const ctx = documentContext(doc, glossary);
    const edited = {
      ...doc.segments[0]!,
      target: 'Laftit discute avec son homologue français la coopération en matière de migration et de terrorisme',
    };
    const next = updateContext(ctx, edited);
    expect(checkSegment(next, edited, glossary)).toEqual([]);
    expect(checkSegment(ctx, doc.segments[0]!, glossary).map((f) => f.checkId)).toEqual(['name-near-miss']); // the old context is untouched
    // A typo introduced elsewhere is measured against the updated inventory.
    const typo = { ...doc.segments[5]!, target: doc.segments[5]!.target.replace('M. Laftit', 'M. Laftiit') };
    expect(checkSegment(updateContext(next, typo), typo, glossary).map(brief)).toContainEqual([
      5,
      'name-near-miss',
      'Laftiit',
      'Laftit',
    ]);
  });
});

describe('precision on correct French', () => {
  const one = (source: string, target: string) =>
    checkDocument(
      { sourceLang: 'ar', targetLang: 'fr', segments: [{ id: 'a', index: 0, source, target }] },
      glossary,
    ).map(brief);

  it.each([
    ['guillemets and no-break spaces', 'قال: "مرحبا!"', 'Il a dit\u00a0: «\u00a0Bonjour\u202f!\u00a0»'],
    [
      'time, URL, percentage',
      'على الساعة 10:30، انظر https://x.fr/a:b، بنسبة 3.5 في المائة.',
      'À 10:30, voir https://x.fr/a:b, à 3,5 %.',
    ],
    ['Olympic Games, other inflection', 'في الألعاب الأولمبية 2024.', 'aux Jeux Olympiques de 2024.'],
    ['migration governance', 'في مجال حكامة الهجرة.', 'dans le domaine de la gouvernance migratoire.'],
    ['numbers written differently', 'سنة ٢٠٢٤ و1000 شخص.', 'En 2024, 1\u202f000 personnes.'],
    ['curly apostrophes', 'وزير الداخلية.', 'Le ministre de l’Intérieur.'],
  ])('%s', (_what, source, target) => {
    expect(one(source, target)).toEqual([]);
  });
});

describe('precision on a clean document', () => {
  // Correct translations exercising what trips naive checks: similar names of different people, demonyms,
  // numbers in other notations, French typography, a quotation over two paragraphs, terms in other inflections.
  const pairs: [string, string][] = [
    [
      'استقبل الملك محمد السادس، نصره الله، الرئيس الموريتاني محمد ولد الغزواني بالرباط.',
      'Le Roi Mohammed VI, que Dieu L’assiste, a reçu à Rabat le président mauritanien Mohamed Ould Ghazouani.',
    ],
    [
      'وأكد الجانبان أن التعاون بين المغرب والجزائر وتونس يظل ضروريا في منطقة الساحل والصحراء.',
      'Les deux parties ont affirmé que la coopération entre le Maroc, l’Algérie et la Tunisie reste indispensable dans la zone sahélo-saharienne.',
    ],
    [
      'وقال مسؤول جزائري إن 1500 مهاجر عبروا الحدود سنة ٢٠٢٣، أي بزيادة 3.5 في المائة.',
      'Un responsable algérien a déclaré que 1\u202f500 migrants ont franchi la frontière en 2023, soit une hausse de 3,5\u00a0%.',
    ],
    [
      'وأضاف: "نعمل مع المجموعة الهجروية المختلطة الدائمة منذ 10 سنوات.',
      'Il a ajouté\u00a0: «\u00a0Nous travaillons avec le Groupe migratoire mixte permanent depuis dix ans.',
    ],
    [
      'وسنواصل هذا العمل تنفيذا للتوجيهات الملكية السامية".',
      '«\u00a0Nous poursuivrons ce travail en application des Hautes Orientations Royales.\u00a0»',
    ],
    [
      'هل ستستضيف باريس اجتماعا آخر قبل الألعاب الأولمبية؟',
      'Paris accueillera-t-elle une autre réunion avant les Jeux Olympiques\u202f?',
    ],
    [
      'للمزيد: https://www.interieur.gov.ma/fr/a:b على الساعة 10:30.',
      'Pour en savoir plus\u00a0: https://www.interieur.gov.ma/fr/a:b à 10:30.',
    ],
    ['وشدد السيد لفتيت على أهمية حكامة الهجرة.', 'M. Laftit a souligné l’importance de la gouvernance migratoire.'],
    ['كما التقى السيد دارمانان بنظيره.', 'M. Darmanin a également rencontré son homologue.'],
  ];
  const clean: QaDocument = {
    sourceLang: 'ar',
    targetLang: 'fr',
    segments: pairs.map(([source, target], i) => ({ id: `c${i}`, index: i, source, target })),
  };

  it('produces no finding at all', () => {
    expect(checkDocument(clean, glossary).map((f) => [f.segmentIndex, f.checkId, f.quote])).toEqual([]);
  });
});
