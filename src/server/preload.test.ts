import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPreloadHints } from './preload';

const WORKSPACE = 'src/client/features/workspace/components/workspace-page.tsx';

describe('preload hints for the page shell', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'visavis-preload-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function manifest(m: unknown) {
    await mkdir(path.join(dir, '.vite'), { recursive: true });
    await writeFile(path.join(dir, '.vite', 'manifest.json'), JSON.stringify(m));
  }

  it("names a document page's code (with what it imports, once) and its first requests", async () => {
    await manifest({
      [WORKSPACE]: { file: 'assets/workspace-page-abc.js', imports: ['_shared.js', '_util.js'] },
      '_shared.js': { file: 'assets/shared-def.js', imports: ['_util.js'] },
      '_util.js': { file: 'assets/util-123.js' },
    });
    expect(createPreloadHints(dir)('/documents/d1')).toEqual([
      '</assets/workspace-page-abc.js>; rel=modulepreload',
      '</assets/shared-def.js>; rel=modulepreload',
      '</assets/util-123.js>; rel=modulepreload',
      '</api/session>; rel=preload; as=fetch; crossorigin',
      '</api/documents/d1>; rel=preload; as=fetch; crossorigin',
    ]);
  });

  it("names the stylesheets split off with the page's code, which it waits for before it runs", async () => {
    await manifest({
      [WORKSPACE]: { file: 'assets/w.js', imports: ['_shared.js'], css: ['assets/w.css'] },
      '_shared.js': { file: 'assets/s.js', css: ['assets/s.css'] },
    });
    expect(createPreloadHints(dir)('/documents/d1')).toEqual([
      '</assets/w.js>; rel=modulepreload',
      '</assets/s.js>; rel=modulepreload',
      '</assets/w.css>; rel=preload; as=style; crossorigin',
      '</assets/s.css>; rel=preload; as=style; crossorigin',
      '</api/session>; rel=preload; as=fetch; crossorigin',
      '</api/documents/d1>; rel=preload; as=fetch; crossorigin',
    ]);
  });

  it("names the chunk of the user's interface language, when it is not the built-in English", async () => {
    await manifest({
      [WORKSPACE]: { file: 'assets/w.js' },
      'src/client/lib/locale-bundles/fr.ts': { file: 'assets/fr-1.js' },
      'src/client/lib/locale-bundles/ar.ts': { file: 'assets/ar-2.js' },
    });
    const hints = createPreloadHints(dir);
    const scripts = (lang?: string) => hints('/documents/d1', lang).filter((h) => h.includes('modulepreload'));
    expect(scripts('ar')).toEqual(['</assets/w.js>; rel=modulepreload', '</assets/ar-2.js>; rel=modulepreload']);
    expect(scripts('fr')).toContain('</assets/fr-1.js>; rel=modulepreload');
    expect(scripts('en')).toEqual(['</assets/w.js>; rel=modulepreload']);
    expect(scripts(undefined)).toEqual(['</assets/w.js>; rel=modulepreload']);
  });

  it('leaves out the answers a page brings with it (the workspace first screen)', async () => {
    await manifest({ [WORKSPACE]: { file: 'assets/w.js' } });
    const hints = createPreloadHints(dir);
    const fetches = (opts?: { data?: boolean; documentData?: boolean }) =>
      hints('/documents/d1', 'en', opts).filter((h) => h.includes('as=fetch'));
    expect(fetches()).toHaveLength(2);
    expect(fetches({ data: false })).toEqual([]);
    expect(fetches({ data: true, documentData: false })).toEqual([
      '</api/session>; rel=preload; as=fetch; crossorigin',
    ]);
  });

  it("finds the page's code when the bundler made its chunk a common one (no key names the module)", async () => {
    // As Vite writes it once the workspace loads its QA engine later: the engine shares modules with the page,
    // so the page's chunk becomes `_workspace-page-….js`, which the router's dynamic import runs from.
    await manifest({
      '_workspace-page-Gb.js': { file: 'assets/workspace-page-Gb.js', name: 'workspace-page', imports: ['_util.js'] },
      '_util.js': { file: 'assets/util-123.js', name: 'util' },
      'src/client/features/workspace/lib/qa-engine.ts': {
        file: 'assets/qa-engine-1.js',
        name: 'qa-engine',
        isDynamicEntry: true,
        imports: ['_workspace-page-Gb.js'],
      },
    });
    expect(createPreloadHints(dir)('/documents/d1').filter((h) => h.includes('modulepreload'))).toEqual([
      '</assets/workspace-page-Gb.js>; rel=modulepreload',
      '</assets/util-123.js>; rel=modulepreload',
    ]);
  });

  it('hints nothing for other pages, and never puts an odd id in a header', async () => {
    await manifest({ [WORKSPACE]: { file: 'assets/w.js' } });
    const hints = createPreloadHints(dir);
    expect(hints('/users')).toEqual([]);
    expect(hints('/documents/a%0d%0aSet-Cookie:x')).toEqual([]);
    expect(hints('/documents/a/b')).toEqual([]);
  });

  it('still hints the data without a manifest, or with a broken one', async () => {
    const hints = createPreloadHints(dir);
    expect(hints('/documents/d1')).toHaveLength(2);
    await mkdir(path.join(dir, '.vite'), { recursive: true });
    await writeFile(path.join(dir, '.vite', 'manifest.json'), '{not json');
    expect(hints('/documents/d1')).toHaveLength(2);
  });
});
