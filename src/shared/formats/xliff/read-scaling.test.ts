import { DOMParser } from '@xmldom/xmldom';
import { afterEach, describe, expect, it } from 'vitest';
import { importFile } from '../import-file';

/*
 * The reader's work grows with the file, not with its square (issue #13: a 20,000-unit file took half a
 * minute). Counted, not timed: the calls that walk the whole tree (getElementsByTagName*) or copy nodes
 * (cloneNode) are made a fixed number of times, whatever the number of units.
 * Wall-clock figures are in bench/xliff.ts.
 */

const file = (units: number) => {
  const body: string[] = [];
  for (let i = 0; i < units; i++)
    body.push(
      `<unit id="u${i}"><segment id="s${i}" state="translated"><source>Item ${i}: click <pc id="1">here</pc> <ph id="2"/>.</source><target>Élément ${i} : cliquez <pc id="1">ici</pc> <ph id="2"/>.</target></segment></unit>`,
    );
  return `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr"><file id="f">\n${body.join('\n')}\n</file></xliff>`;
};

const probe = new DOMParser().parseFromString('<a><b/></a>', 'text/xml');
const elementProto = Object.getPrototypeOf(probe.documentElement) as object;
const documentProto = Object.getPrototypeOf(probe) as object;
const nodeProto = Object.getPrototypeOf(elementProto) as object;

type Restore = () => void;
const restores: Restore[] = [];
afterEach(() => restores.splice(0).forEach((r) => r()));

/** Counts calls of a method (or reads of a getter) on a prototype. */
function count(proto: object, name: string, counter: { n: number }) {
  const desc = Object.getOwnPropertyDescriptor(proto, name)!;
  if (desc.get) {
    const get = desc.get;
    Object.defineProperty(proto, name, {
      ...desc,
      get(this: unknown) {
        counter.n++;
        return get.call(this);
      },
    });
  } else {
    const fn = desc.value as (...a: unknown[]) => unknown;
    Object.defineProperty(proto, name, {
      ...desc,
      value(this: unknown, ...a: unknown[]) {
        counter.n++;
        return fn.apply(this, a);
      },
    });
  }
  restores.push(() => Object.defineProperty(proto, name, desc));
}

function walksFor(units: number) {
  const tree = { n: 0 };
  const perNode = { n: 0 };
  for (const proto of [elementProto, documentProto]) {
    count(proto, 'getElementsByTagName', tree);
    count(proto, 'getElementsByTagNameNS', tree);
  }
  count(nodeProto, 'cloneNode', perNode);
  const r = importFile(file(units), { fileName: 'x.xlf', hash: 'h', actor: 'a' });
  restores.splice(0).forEach((f) => f());
  expect(r.ok).toBe(true);
  return { tree: tree.n, perNode: perNode.n };
}

describe('reading a large XLIFF', () => {
  it('walks the whole tree a fixed number of times, however many units', () => {
    const small = walksFor(20);
    const large = walksFor(2000);
    expect(large.tree).toBe(small.tree);
    expect(large.tree).toBe(0); // no standoff issue list in the file: no search for one
    // A clone per inline code (about 10 % of reading a large file): none now.
    expect(large.perNode).toBe(small.perNode);
  });
});
