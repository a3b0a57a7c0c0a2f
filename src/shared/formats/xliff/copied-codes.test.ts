import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaErrors } from '../../../server/xliff-schema-check';
import { readXliff } from './read';
import { exportAfter } from './test-helpers';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/*
 * A code pasted twice into a translation (or brought back by a correction) was written twice with the same id: the
 * export broke XLIFF 2's unique-id rule and our own import refused it ("the id is used twice in the target").
 */
describe('a code repeated in a translation (XLIFF 2)', () => {
  it.each([
    ['a placeholder twice', (o: string, c: string, ph: string) => `Bonjour ${o}cher${c} ${ph}monde.${ph}`],
    ['a pair twice', (o: string, c: string, ph: string) => `${o}Bonjour${c} ${o}cher${c} monde.${ph}`],
    ['a start twice before its end', (o: string, c: string, ph: string) => `Bonjour ${o}${o}cher monde${c}.${ph}`],
  ])('%s: the copy gets its own id and copyOf, the file stays valid and reads back', (_, target) => {
    const text = fixture('features-2.2.xlf');
    const out = exportAfter(text, (doc) => {
      const s = doc.segments[0]!;
      const [o, c, ph] = Object.keys(s.codes!);
      return [{ type: 'SegmentEdited', payload: { segmentId: s.id, target: target(o!, c!, ph!), cause: 'edit' } }];
    });
    expect(schemaErrors(out, '2.2')).toBeNull();
    const back = readXliff(out);
    expect(back.ok ? null : back.problem).toBeNull();
    expect(out).toMatch(/copyOf="\d+"/);
  });
});
