import { describe, expect, it } from 'vitest';
import { checkNumbers } from './numbers';

const check = (source: string, target: string, sourceLang: string, targetLang: string) =>
  checkNumbers({ id: 's', index: 0, source, target }, sourceLang, targetLang);

describe('numbers: clock times are equal in 12- and 24-hour form (profile clock words)', () => {
  it.each([
    [
      'en',
      'de',
      'The meeting is on March 14, 2025 at 2:30 p.m.',
      'Die Sitzung findet am 14. März 2025 um 14:30 Uhr statt.',
    ],
    ['en', 'de', 'at 2 p.m.', 'um 14 Uhr'],
    ['en', 'fr', 'at 2:30 PM', 'à 14h30'],
    ['en', 'fr', 'at 9am and at 11.15 pm', 'à 9 h et à 23 h 15'],
    ['en', 'de', 'from 12:30 a.m.', 'ab 0:30 Uhr'],
    ['de', 'en', 'um 14.30 Uhr', 'at 2:30 p.m.'],
    ['ja', 'en', '会見は午後３時から１時間行われた。', 'The press conference was held for one hour from 3 p.m.'],
    ['ja', 'en', '午後3時30分に', 'at 3:30 p.m.'],
    ['zh-Hans', 'en', '下午2点30分开会', 'The meeting starts at 2:30 p.m.'],
    ['zh-Hans', 'fr', '晚上8点', 'à 20 heures'],
    ['en', 'ja', 'at 3 p.m.', '午後３時に'],
  ])('%s→%s %s = %s', (sl, tl, source, target) => {
    expect(check(source, target, sl, tl)).toEqual([]);
  });
  it.each([
    ['en', 'de', 'at 2:30 p.m.', 'um 2:30 Uhr', '2:30 p.m.', '2:30 Uhr'],
    ['en', 'de', 'at 2:30 p.m.', 'um 15:30 Uhr', '2:30 p.m.', '15:30 Uhr'],
    ['ja', 'en', '午後3時30分に', 'at 3:30 a.m.', '午後3時30分', '3:30 a.m.'],
  ])('%s→%s a wrong time is reported as one: %s ≠ %s', (sl, tl, source, target, number, found) => {
    const f = check(source, target, sl, tl);
    expect(f.map((x) => [x.variant, x.params, target.slice(x.start, x.end)])).toEqual([
      ['changed', { number, found }, found],
    ]);
  });
});
