import { describe, expect, it } from 'vitest';
import { parseNumbers } from './number-parse';
import { checkNumbers, formatFor, romanValue } from './numbers';

describe('parseNumbers: a lone comma before three digits follows the language', () => {
  it.each([
    ['fr', '1,000', ['1']],
    ['en', '1,000', ['1000']],
    ['ar', '1,000', ['1', '1000']],
    ['fr', '1.000', ['1', '1000']],
    ['en', '1.000', ['1', '1000']],
    ['fr', '1,5', ['1.5']],
    ['en', '12,345,678', ['12345678']],
  ])('%s %s', (lang, text, values) => {
    expect(parseNumbers(text, lang)[0]!.values).toEqual(values);
  });
});

describe('parseNumbers', () => {
  it.each([
    ['2024', [['2024']]],
    ['٢٠٢٤', [['2024']]],
    ['۲۰۲۴', [['2024']]],
    ['1 000 000 habitants', [['1000000']]],
    ['1\u00a0000 et 2\u202f500', [['1000'], ['2500']]],
    ['3,5 %', [['3.5']]],
    ['3.50', [['3.5']]],
    ['1,000', [['1', '1000']]],
    ['1.000', [['1', '1000']]],
    ['0,125', [['0.125']]],
    ['1,234,567', [['1234567']]],
    ['1,234.5', [['1234.5']]],
    ['1.234,5', [['1234.5']]],
    ['1 234,5', [['1234.5']]],
    ['١٬٢٣٤٫٥', [['1234.5']]],
    ['22.04.2024', [['22'], ['4'], ['2024']]],
    ['en 2024 200 personnes', [['2024'], ['200']]],
    ['10:30', [['10'], ['30']]],
    ["1'000", [['1000']]],
  ])('%s', (text, values) => {
    expect(parseNumbers(text).map((n) => n.values)).toEqual(values);
  });
});

const check = (source: string, target: string, sourceLang = 'ar', targetLang = 'fr') =>
  checkNumbers({ id: 's', index: 0, source, target }, sourceLang, targetLang);

describe('numbers: equal values written differently give no finding (precision)', () => {
  it.each([
    ['Arabic-Indic digits', 'باريس ٢٠٢٤', 'Paris 2024'],
    ['Western digits in Arabic', 'باريس 2024', 'Paris 2024'],
    ['French grouping, no-break space', 'نحو 1000 مهاجر', 'environ 1\u00a0000 migrants'],
    ['French grouping, narrow no-break space', 'نحو 10000 مهاجر', 'environ 10\u202f000 migrants'],

    ['decimal comma', 'بنسبة 3.5 في المائة', 'de 3,5 %'],
    ['Arabic decimal separator', 'بنسبة ٣٫٥ في المائة', 'de 3,5 %'],
    ['millions spelled out', 'نحو 2000000 شخص', 'près de 2 millions de personnes'],
    ['millions in both', 'مليونا 2.5 مليون', '2,5 millions'],
    ['small number spelled out', 'التقى 3 وزراء', 'trois ministres se sont réunis'],
    ['month named', 'يوم 22/04/2024', 'le 22 avril 2024'],
    ['century in Roman numerals', 'القرن 21', 'le XXIe siècle'],
    ['leading zero', 'الساعة 09:05', 'à 9 h 05'],
    ['same number twice', '2024 و2024', 'en 2024 et 2024'],
  ])('%s', (_what, source, target) => {
    expect(check(source, target)).toEqual([]);
  });
});

describe('numbers: findings', () => {
  it('a number missing from the target is reported on the source', () => {
    expect(check('في سنة 2024 وصل 300 مهاجر', 'en 2024, des migrants sont arrivés')).toEqual([
      { checkId: 'number-mismatch', side: 'source', start: 16, end: 19, variant: 'missing', params: { number: '300' } },
    ]);
  });
  it('a changed number is reported on the target with the source value as fix', () => {
    expect(check('باريس ٢٠٢٤', 'Paris 2025')).toEqual([
      {
        checkId: 'number-mismatch',
        side: 'target',
        start: 6,
        end: 10,
        variant: 'changed',
        params: { number: '٢٠٢٤', found: '2025' },
        fix: '2024',
      },
    ]);
    expect(check('بنسبة 3.5 في المائة', 'de 3,6 %')[0]!.fix).toBe('3,5');
  });
  it('English grouping is equal to French grouping; an English-style "1,000" in French is one, not a thousand', () => {
    expect(check('about 1,000 migrants', 'environ 1 000 migrants', 'en')).toEqual([]);
    expect(check('about 1,000 migrants', 'environ 1000 migrants', 'en')).toEqual([]);
    expect(check('نحو 1000 مهاجر', 'environ 1,000 migrants')).toEqual([
      {
        checkId: 'number-mismatch',
        side: 'target',
        start: 8,
        end: 13,
        variant: 'changed',
        params: { number: '1000', found: '1,000' },
        fix: '1000',
      },
    ]);
  });
  it('the same number twice in the source needs it twice in the target', () => {
    expect(check('2024 و2024', 'en 2024')).toHaveLength(1);
  });
  it('no numbers in the source: nothing to check', () => {
    expect(check('بدون أرقام', 'en 2024')).toEqual([]);
  });
});

describe('helpers', () => {
  it('romanValue', () => {
    expect([romanValue('VI'), romanValue('XXI'), romanValue('MCMXCIV'), romanValue('ABC')]).toEqual([
      6,
      21,
      1994,
      null,
    ]);
  });
  it('formatFor writes the target locale', () => {
    expect(formatFor(parseNumbers('12,345.5')[0]!, 'fr', false)).toBe('12\u202f345,5');
    expect(formatFor(parseNumbers('1,234.5')[0]!, 'fr', false)).toBe('1234,5'); // four digits: not grouped in French
    expect(formatFor(parseNumbers('2024')[0]!, 'fr', false)).toBe('2024');
    expect(formatFor(parseNumbers('1,000')[0]!, 'fr', false)).toBeUndefined(); // ambiguous
  });
});

describe('numbers: myriad units of Chinese and Japanese (profile multipliers)', () => {
  it.each([
    ['ja', 'en', '総額8兆4530億円を計上した。', 'a total of 8.453 trillion yen'],
    ['ja', 'en', '1200万円ではなく、約1兆2000億円', 'about 1.2 trillion yen, not 12 million yen'],
    ['ja', 'en', '約1400万人で', 'about 14 million'],
    ['ja', 'en', '1.2兆円', '1.2 trillion yen'],
    ['ja', 'de', '1.2兆円', '1,2 Billionen Yen'],
    ['ja', 'en', '3万5000人', '35,000 people'],
    ['zh-Hans', 'en', '约1779万人', 'about 17.79 million'],
    ['zh-Hans', 'en', '新增就业岗位１５万个', '150,000 new jobs'],
    ['zh-Hans', 'en', '3.68万亿元', '3.68 trillion yuan'],
    ['zh-Hans', 'fr', '2亿5000万元', '250 millions de yuans'],
    ['en', 'ja', '8.453 trillion yen', '8兆4530億円'],
  ])('%s→%s %s = %s', (sl, tl, source, target) => {
    expect(check(source, target, sl, tl)).toEqual([]);
  });
  it('a wrong amount is still reported, on the whole compound', () => {
    const f = check('8兆4530億円', '8.435 trillion yen', 'ja', 'en');
    expect(f.map((x) => [x.variant, x.params])).toEqual([['changed', { number: '8兆4530億', found: '8.435' }]]);
  });
});

describe('numbers: digits inside alphanumeric codes (CO2, H2O, A4, MP3, COVID-19) are codes, not numbers', () => {
  it('en→de: the 2 of a CO2 the target adds is not taken for the changed 65; the finding points at 56', () => {
    const target = 'Der Plan soll die CO2-Emissionen bis 2030 um 56 Prozent senken.';
    const f = check('The plan aims to cut carbon emissions by 65 percent by 2030.', target, 'en', 'de');
    expect(f.map((x) => [x.variant, x.params, target.slice(x.start, x.end)])).toEqual([
      ['changed', { number: '65', found: '56' }, '56'],
    ]);
  });
  it('ja→en: the same with a CJK source', () => {
    const target = 'Cut CO2 emissions of A4 paper mills by 56% by 2030.';
    const f = check('2030年までにA4用紙工場のCO2排出量を65％削減する。', target, 'ja', 'en');
    expect(f.map((x) => [x.params, target.slice(x.start, x.end)])).toEqual([[{ number: '65', found: '56' }, '56']]);
  });
  it.each([
    ['en', 'de', 'MP3 files and COVID-19 tests', 'MP3-Dateien und Covid-19-Tests'],
    ['en', 'de', 'Water (H2O) on 100 m2', 'Wasser auf 100 m²'],
    ['en', 'de', 'Covid-19 and a Boeing-737', 'COVID-19 und eine Boeing 737'],
    ['zh-Hans', 'en', '新冠肺炎(COVID-19)疫情', 'the COVID-19 pandemic'],
    ['ja', 'en', '５Ｇ対応のＡ４プリンター', 'an A4 printer for 5G'],
  ])('%s→%s %s = %s', (sl, tl, source, target) => {
    expect(check(source, target, sl, tl)).toEqual([]);
  });
  it.each([
    ['en', 'de', 'Print on A4 paper.', 'Auf A5-Papier drucken.', 'A4', 'A5'],
    ['ja', 'en', 'G7サミット', 'the G20 summit', 'G7', 'G20'],
  ])('%s→%s a changed code is reported: %s', (sl, tl, source, target, number, found) => {
    const f = check(source, target, sl, tl);
    expect(f.map((x) => [x.variant, x.params, target.slice(x.start, x.end), x.fix])).toEqual([
      ['changed', { number, found }, found, number],
    ]);
  });
  it('a changed number is paired with the most similar number left over, not the first', () => {
    const target = 'In 3 Jahren um 56 Prozent.';
    const f = check('By 65 percent.', target, 'en', 'de');
    expect(f.map((x) => target.slice(x.start, x.end))).toEqual(['56']);
  });
});
