import { describe, expect, it } from 'vitest';
import { readOk } from './test-helpers';

/** Notes of a file or a group (tester finding F9): counted, and shown with the first segment they cover. */

describe('file and group notes', () => {
  it('XLIFF 2.0: the file notes and a group note go with the first segment of the file and of the group', () => {
    const read = readOk(`<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="es">
  <file id="f1">
    <notes><note category="instruction">Keep the product name in English.</note></notes>
    <unit id="u1"><notes><note>Button.</note></notes><segment><source>Save</source></segment></unit>
    <group id="g1">
      <notes><note>Menu items.</note></notes>
      <unit id="u2"><segment><source>Open</source></segment><segment><source>Close</source></segment></unit>
      <unit id="u3"><segment><source>Quit</source></segment></unit>
    </group>
  </file>
</xliff>`);
    expect(read.segments.map((s) => s.notes)).toEqual([
      ['Keep the product name in English.', 'Button.'],
      ['Menu items.'],
      [],
      [],
    ]);
    expect(read.counts.notes).toBe(3);
  });

  it('XLIFF 1.2: a note in the file header goes with the first trans-unit', () => {
    const read = readOk(`<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a" source-language="en" target-language="fr" datatype="plaintext">
    <header><note>Formal register.</note></header>
    <body>
      <trans-unit id="a"><source>Hello</source></trans-unit>
      <trans-unit id="b"><source>Bye</source><note>Farewell.</note></trans-unit>
    </body>
  </file>
</xliff>`);
    expect(read.segments.map((s) => s.notes)).toEqual([['Formal register.'], ['Farewell.']]);
    expect(read.counts.notes).toBe(2);
  });
});
