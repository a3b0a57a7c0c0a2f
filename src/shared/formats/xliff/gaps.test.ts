import { describe, expect, it } from 'vitest';
import { foldAll, toDocumentState } from '../../reducer';
import type { DocumentEvent } from '../../events';
import { importEvents, readOk } from './test-helpers';
import { writeXliff } from './write';

/** The text between segments of a unit: read from the file, kept by a split, written back as it was. */

const FILE = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a" source-language="en" target-language="fr" datatype="plaintext">
    <body>
      <trans-unit id="a">
        <source>One.  Two.</source>
        <seg-source><mrk mtype="seg" mid="1">One.</mrk>  <mrk mtype="seg" mid="2">Two.</mrk></seg-source>
        <target><mrk mtype="seg" mid="1">Un.</mrk> <mrk mtype="seg" mid="2">Deux.</mrk></target>
      </trans-unit>
      <trans-unit id="b"><source>Three. Four.</source><target>Trois. Quatre.</target></trans-unit>
    </body>
  </file>
</xliff>`;

describe('gaps between segments', () => {
  it('1.2: the text between two seg mrks is each second segment’s gap', () => {
    expect(readOk(FILE).segments.map((s) => s.gap)).toEqual([undefined, { source: '  ', target: ' ' }, undefined]);
  });

  it('a split part without its gap (a snapshot from before gaps were kept) gets the language’s separator', () => {
    const events = importEvents(FILE);
    const doc = toDocumentState(foldAll(events));
    const split: DocumentEvent = {
      seq: events.length + 1,
      at: '2026-01-02T00:00:00.000Z',
      actor: 'e',
      type: 'SegmentSplit',
      payload: {
        segmentId: doc.segments[2]!.id,
        newSegmentId: 'snew',
        sourceAt: 7,
        targetAt: 7,
        sourceGap: ' ',
        targetGap: ' ',
      },
    };
    const after = toDocumentState(foldAll([...events, split]));
    const legacy = after.segments.map(({ gap: _gap, ...s }) =>
      s.id === 'snew' ? s : { ...s, ...(_gap ? { gap: _gap } : {}) },
    );
    const importedSegmentIds = doc.segments.map((s) => s.id);
    for (const segments of [after.segments, legacy]) {
      const out = writeXliff({ ...after, segments, importedSegmentIds }, FILE);
      expect(out).toContain('<source>Three. Four.</source>');
      expect(out).toContain(
        '<target><mrk mtype="seg" mid="1">Trois.</mrk> <mrk mtype="seg" mid="2">Quatre.</mrk></target>',
      );
    }
    // The untouched unit keeps its two spaces.
    expect(writeXliff({ ...after, importedSegmentIds }, FILE)).toContain('<source>One.  Two.</source>');
  });
});
