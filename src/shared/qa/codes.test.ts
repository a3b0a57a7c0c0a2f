import { describe, expect, it } from 'vitest';
import type { InlineCodes } from '../inline-codes';
import { checkCodes } from './codes';

// pc 1 (open , close ), ph 2 ()
const codes: InlineCodes = {
  '\ue000': { kind: 'open', xml: '<pc id="1"/>', key: 'pc#1', name: 'pc', id: '1', pair: '\ue001' },
  '\ue001': { kind: 'close', xml: '</pc>', key: 'pc#1/', name: 'pc', id: '1', pair: '\ue000' },
  '\ue002': { kind: 'standalone', xml: '<ph id="2"/>', key: 'ph#2', name: 'ph', id: '2' },
  '\ue003': { kind: 'open', xml: '<pc id="3"/>', key: 'pc#3', name: 'pc', id: '3', pair: '\ue004' },
  '\ue004': { kind: 'close', xml: '</pc>', key: 'pc#3/', name: 'pc', id: '3', pair: '\ue003' },
};
const O = '\ue000';
const C = '\ue001';
const P = '\ue002';
const O3 = '\ue003';
const C3 = '\ue004';
const seg = (source: string, target: string) => ({ id: 's', index: 0, source, target, codes });
const found = (source: string, target: string) =>
  checkCodes(seg(source, target)).map((f) => [f.variant, f.side, f.start, f.params?.code]);

describe('inline codes: source against target', () => {
  it('a translate="no" segment is not checked at all', async () => {
    const { checkDocument } = await import('./engine');
    const doc = { sourceLang: 'en', targetLang: 'fr', segments: [{ ...seg(`a ${P}`, ''), readOnly: true }] };
    expect(checkDocument(doc, null)).toEqual([]);
    expect(checkDocument({ ...doc, segments: [seg(`a ${P}`, 'b')] }, null).map((f) => f.checkId)).toContain(
      'code-mismatch',
    );
  });

  it.each([
    ['the same codes, standalone ones moved', `a ${O}b${C} c${P}`, `${P}x ${O}y${C} z`, []],
    ['a code missing', `a ${O}b${C} c${P}`, `x ${O}y${C} z`, [['missing', 'source', 7, '<ph 2/>']]],
    ['a code added', `a ${O}b${C}`, `x ${O}y${C}${P}`, [['extra', 'target', 5, '<ph 2/>']]],
    ['a code twice', `a ${P}`, `${P}x ${P}`, [['extra', 'target', 3, '<ph 2/>']]],
    ['a closing before its opening', `a ${O}b${C}`, `x ${C}y${O}`, [['reordered', 'target', 2, '</pc>']]],
    ['two pairs crossing', `${O}a ${O3}b${C3} c${C}`, `${O}a ${O3}b${C} c${C3}`, [['crossed', 'target', 3, '<pc 3>']]],
    ['no codes at all', 'plain', 'texte', []],
    ['an empty translation is the completeness check’s', `a ${P}`, '', []],
  ])('%s', (_, source, target, expected) => {
    expect(found(source, target)).toEqual(expected);
  });
});
