import { describe, expect, it } from 'vitest';
import { severityForKey, type PanelSpot } from './severity-keys';

const key = (
  k: string,
  code: string,
  mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {},
) => ({
  key: k,
  code,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});
const at = (spot: PanelSpot, k: string, code: string, mods = {}) => severityForKey(key(k, code, mods), spot);

describe('severity keys of the classification panel', () => {
  it('chooses by number in the search and elsewhere, never in the note', () => {
    expect(at('search', '0', 'Digit0')).toBe('neutral');
    expect(at('search', '1', 'Digit1')).toBe('minor');
    expect(at('other', '2', 'Numpad2')).toBe('major');
    expect(at('other', '3', 'Digit3')).toBe('critical');
    expect(at('note', '2', 'Digit2')).toBeUndefined();
    expect(at('search', '4', 'Digit4')).toBeUndefined();
  });

  it('chooses by letter (n m M c) only outside the text boxes, where letters are typed', () => {
    expect(at('other', 'n', 'KeyN')).toBe('neutral');
    expect(at('other', 'm', 'KeyM')).toBe('minor');
    expect(at('other', 'M', 'KeyM', { shiftKey: true })).toBe('major');
    expect(at('other', 'c', 'KeyC')).toBe('critical');
    expect(at('search', 'm', 'KeyM')).toBeUndefined();
    expect(at('note', 'c', 'KeyC')).toBeUndefined();
    expect(at('other', 'x', 'KeyX')).toBeUndefined();
  });

  it('leaves every key with Ctrl, Alt (AltGr) or Meta alone', () => {
    expect(at('other', '2', 'Digit2', { ctrlKey: true })).toBeUndefined();
    expect(at('search', '2', 'Digit2', { altKey: true })).toBeUndefined();
    expect(at('other', 'm', 'KeyM', { metaKey: true })).toBeUndefined();
    expect(at('other', 'M', 'KeyM', { ctrlKey: true, altKey: true, shiftKey: true })).toBeUndefined();
  });

  it('reads other layouts by what they type, or by the key’s place when that is no letter for a text box', () => {
    // Arabic-Indic digits.
    expect(at('search', '٢', 'Digit2')).toBe('major');
    expect(at('search', '۳', 'Digit3')).toBe('critical');
    // AZERTY: 1 types “&” (a number by its place); 2 types “é”, a letter the search must receive.
    expect(at('search', '&', 'Digit1')).toBe('minor');
    expect(at('search', 'é', 'Digit2')).toBeUndefined();
    expect(at('other', 'é', 'Digit2')).toBe('major');
    // AZERTY's m is where QWERTY has “;”: what it types counts.
    expect(at('other', 'm', 'Semicolon')).toBe('minor');
    // An Arabic layout types Arabic letters: the Latin letter's place counts, with Shift for M.
    expect(at('other', 'ة', 'KeyM')).toBe('minor');
    expect(at('other', '’', 'KeyM', { shiftKey: true })).toBe('major');
    // A keypad without Num Lock sends End from the 1's place: not a severity.
    expect(at('search', 'End', 'Numpad1')).toBeUndefined();
  });
});
