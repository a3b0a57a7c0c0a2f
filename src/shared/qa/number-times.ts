import type { ClockData } from './lang-data';
import { profileFor } from './lang-profile';
import { westernDigits, type NumberToken } from './number-parse';

/*
 * Clock times as one number each, whose values are the times of day they can mean ("T14:30"), so that a
 * 12-hour time equals its 24-hour form: "2:30 p.m." = "14:30 Uhr" = "14h30" = "午後2時30分". H:MM is a time in
 * every language; the rest comes from the text language's profile (`clock`): hour words ("14 Uhr", "3時",
 * "14 h 30"), minute words (30分), 12-hour markers after ("2 p.m.") or before ("午後3時") the hour, and
 * "14.30" when such a word follows. A time without a marker may be either half of the day ("2:30" = "14:30");
 * a whole hour also keeps its plain number (3時 = "3" as before). Where the clock has 24 hours (`h24`: German,
 * French…) an unmarked time is as written.
 */

const SP = '[\\s\\u00a0\\u202f]*';

interface ClockPatterns {
  hour: RegExp | null;
  minute: RegExp | null;
  am: RegExp | null;
  pm: RegExp | null;
  amBefore: RegExp | null;
  pmBefore: RegExp | null;
}

const after = (frags?: string[]) =>
  frags?.length ? new RegExp(`${SP}(?:${frags.join('|')})(?![\\p{Lu}\\p{Ll}])`, 'iuy') : null;
const before = (frags?: string[]) => (frags?.length ? new RegExp(`(?:${frags.join('|')})${SP}$`, 'iu') : null);

const cache = new Map<string, ClockPatterns & { h24: boolean }>();
function patterns(lang: string): ClockPatterns & { h24: boolean } {
  const p = profileFor(lang);
  let c = cache.get(p.tag);
  if (!c) {
    const d: ClockData = p.clock;
    c = {
      h24: d.h24 ?? false,
      hour: after(d.hour),
      minute: after(d.minute),
      am: after(d.am),
      pm: after(d.pm),
      amBefore: before(d.amBefore),
      pmBefore: before(d.pmBefore),
    };
    cache.set(p.tag, c);
  }
  return c;
}

/** End of `re` matched at `at`, or -1. */
function endOf(re: RegExp | null, text: string, at: number): number {
  if (!re) return -1;
  re.lastIndex = at;
  return re.test(text) ? re.lastIndex : -1;
}

const twoDigits = (n: NumberToken | undefined) => n !== undefined && /^[0-9]{2}$/.test(westernDigits(n.raw));

/** Replaces the numbers that make up clock times by one token per time. */
export function withTimes(text: string, nums: NumberToken[], lang: string): NumberToken[] {
  const c = patterns(lang);
  const out: NumberToken[] = [];
  for (let i = 0; i < nums.length; i++) {
    const n = nums[i]!;
    const raw = westernDigits(n.raw);
    const dotted = /^([0-9]{1,2})\.([0-9]{2})$/.exec(raw);
    if (!dotted && !/^[0-9]{1,2}$/.test(raw)) {
      out.push(n);
      continue;
    }
    const hour = Number(dotted ? dotted[1] : raw);
    let minute = dotted ? Number(dotted[2]) : undefined;
    let [start, end, j, confirmed] = [n.start, n.end, i, false];
    const next = nums[i + 1];
    if (!dotted && text[n.end] === ':' && next?.start === n.end + 1 && twoDigits(next)) {
      [minute, end, j, confirmed] = [Number(next.values[0]), next.end, i + 1, true];
    }
    const hourEnd = endOf(c.hour, text, end);
    if (hourEnd >= 0) {
      [end, confirmed] = [hourEnd, true];
      const m = nums[i + 1];
      if (minute === undefined && m && /^[\s\u00a0\u202f]*$/.test(text.slice(end, m.start))) {
        const minuteEnd = endOf(c.minute, text, m.end);
        if (/^[0-9]{1,2}$/.test(westernDigits(m.raw)) && (minuteEnd >= 0 || twoDigits(m))) {
          [minute, end, j] = [Number(m.values[0]), Math.max(minuteEnd, m.end), i + 1];
        }
      }
    }
    let half: 'am' | 'pm' | undefined;
    for (const h of ['am', 'pm'] as const) {
      const e = endOf(c[h], text, end);
      if (!half && e >= 0) [half, end] = [h, e];
      const b = c[`${h}Before`]?.exec(text.slice(Math.max(0, start - 12), start));
      if (!half && b) [half, start] = [h, start - b[0].length];
    }
    if (half) confirmed = true;
    const valid = hour <= 24 && (minute ?? 0) <= 59 && (!half || (hour >= 1 && hour <= 12));
    if (!confirmed || !valid) {
      out.push(n);
      continue;
    }
    const mm = String(minute ?? 0).padStart(2, '0');
    const hours = half
      ? [(hour % 12) + (half === 'pm' ? 12 : 0)]
      : !c.h24 && hour >= 1 && hour <= 12
        ? [hour, hour % 12, (hour % 12) + 12]
        : [hour];
    const values = hours.map((h) => `T${h}:${mm}`);
    if (minute === undefined) values.push(String(hour));
    out.push({ start, end, raw: text.slice(start, end), values: [...new Set(values)], arabicDigits: n.arabicDigits });
    i = j;
  }
  return out;
}
