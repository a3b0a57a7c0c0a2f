import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeAnchor } from '../../anchor';
import { schemaErrors } from '../../../server/xliff-schema-check';
import { exportAfter, readOk } from './test-helpers';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/*
 * A flag's own fields come back as they went out (vv:…), whatever the ITS comment says for other tools. A flag with a
 * correction and no comment used to come back with the ITS comment ("→ correction") as its comment.
 */
describe.each([
  ['features-2.2.xlf', '2.2'],
  ['okapi.xlf', '1.2'],
])('a flag’s correction and comment after a round trip (%s)', (name, version) => {
  it.each([
    ['a correction and no comment', 'Le texte', ''],
    ['a comment and no correction', '', 'Trop familier'],
    ['both', 'Le texte', 'Trop familier'],
    ['neither', '', ''],
  ])('%s', (_, correction, comment) => {
    const text = fixture(name);
    let index = -1;
    const out = exportAfter(text, (doc) => {
      const s = doc.segments.find((x) => x.target.length >= 4 && !x.readOnly)!;
      index = s.index;
      return [
        {
          type: 'FlagCreated',
          payload: {
            flagId: 'fround',
            segmentId: s.id,
            side: 'target',
            anchor: makeAnchor(s.target, 0, 4),
            category: 'style',
            severity: 'minor',
            correction,
            comment,
          },
        },
      ];
    });
    expect(schemaErrors(out, version)).toBeNull();
    const back = readOk(out).segments[index]!.marks.find((m) => m.category === 'style' && m.start === 0);
    expect(back).toMatchObject({ comment });
    expect(back?.correction ?? '').toBe(correction);
  });
});
