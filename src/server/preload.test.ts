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
