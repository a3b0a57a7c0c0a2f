import type { Severity } from '../../../../shared/mqm';

/** Where the key was pressed in the classification panel: its category search, its note, or anywhere else. */
export type PanelSpot = 'search' | 'note' | 'other';

/** The severities' keys, in the order of SEVERITIES: a number, and a letter (Anthea's m/M for minor/major). */
export const SEVERITY_KEYS: readonly { severity: Severity; digit: string; letter: string }[] = [
  { severity: 'neutral', digit: '0', letter: 'n' },
  { severity: 'minor', digit: '1', letter: 'm' },
  { severity: 'major', digit: '2', letter: 'M' },
  { severity: 'critical', digit: '3', letter: 'c' },
];

interface KeyLike {
  key: string;
  code: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/** Western, Arabic-Indic and Eastern Arabic-Indic digits: whichever the keyboard types, it is the same number. */
function digitValue(key: string): string | undefined {
  if (key.length !== 1) return undefined;
  const c = key.charCodeAt(0);
  for (const zero of [0x30, 0x660, 0x6f0]) if (c >= zero && c <= zero + 9) return String(c - zero);
  return undefined;
}

/**
 * The severity a key chooses in the classification panel, or undefined when the key is left to what has the
 * focus. Numbers work everywhere but in the note (where they are text): no category starts with a digit, so
 * the search cannot want them. Letters would be typed into the search or the note, so they choose a severity
 * only outside those text boxes (on the severity buttons, the panel's buttons). A layout whose key at the
 * number's or letter's place types something else (AZERTY's “&” on 1, Arabic letters) is read by its place,
 * unless what it types is a letter that a text box should receive. Never with Ctrl, Alt or Meta (nor AltGr).
 */
export function severityForKey(e: KeyLike, spot: PanelSpot): Severity | undefined {
  if (e.ctrlKey || e.altKey || e.metaKey || spot === 'note') return undefined;
  // Only keys that type one character: a keypad without Num Lock sends End, Home… from the digits' places.
  if ([...e.key].length !== 1) return undefined;
  const typesLetter = /^\p{L}$/u.test(e.key);
  const place = /^(?:Digit|Numpad)(\d)$/.exec(e.code)?.[1];
  const digit = digitValue(e.key) ?? (typesLetter && spot === 'search' ? undefined : place);
  const byDigit = SEVERITY_KEYS.find((k) => k.digit === digit);
  if (byDigit) return byDigit.severity;
  if (spot !== 'other') return undefined;
  const latin = /^[a-z]$/i.test(e.key) ? e.key : undefined;
  const byPlace = /^Key([A-Z])$/.exec(e.code)?.[1];
  const letter = latin ?? (byPlace && (e.shiftKey ? byPlace : byPlace.toLowerCase()));
  return SEVERITY_KEYS.find((k) => k.letter === letter)?.severity;
}
