import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Preload hints for the UI's pages (issue #10: the first load on a slow network). The page shell (index.html)
 * is the same for every route, so on its own the browser learns which page's code and data it needs only
 * after the main script has downloaded and run: one round trip after another. The shell's answer names them
 * in `Link` headers instead, so the page's code, the session and the document all come at once, beside the
 * main script.
 *
 * Which files a page needs comes from Vite's build manifest (dist/.vite/manifest.json), re-read when a new
 * build replaces it.
 */

interface ManifestChunk {
  file: string;
  name?: string;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The pages worth hinting: their module (a manifest key) and the API answers they ask for first. */
const PAGES: { pattern: RegExp; module: string; data: (m: RegExpMatchArray) => string[] }[] = [
  {
    pattern: /^\/documents\/([A-Za-z0-9_-]{1,64})\/?$/,
    module: 'src/client/features/workspace/components/workspace-page.tsx',
    data: (m) => ['/api/session', `/api/documents/${m[1]}`],
  },
  {
    pattern: /^\/?$/,
    module: 'src/client/features/documents/components/documents-page.tsx',
    data: () => ['/api/session', '/api/documents'],
  },
];

/**
 * The manifest key of the chunk holding a page's module. Usually the module itself (a dynamic entry); but
 * when the page's chunk also holds modules that a chunk it loads later shares (the workspace's QA engine),
 * the bundler makes it a common chunk that the dynamic import runs from, listed under `_<name>-<hash>.js`
 * with the module's name: no key names the module then.
 */
function pageChunk(m: Manifest, module: string): string | undefined {
  if (m[module]) return module;
  const name = path.basename(module).replace(/\.[jt]sx?$/, '');
  return Object.keys(m).find((k) => k.startsWith('_') && m[k]!.name === name);
}

export function createPreloadHints(staticDir: string) {
  const file = path.join(staticDir, '.vite', 'manifest.json');
  let cached: { mtimeMs: number; manifest: Manifest } | undefined;

  function manifest(): Manifest | undefined {
    try {
      const { mtimeMs } = statSync(file);
      if (cached?.mtimeMs !== mtimeMs)
        cached = { mtimeMs, manifest: JSON.parse(readFileSync(file, 'utf8')) as Manifest };
      return cached.manifest;
    } catch (err) {
      // No manifest (an old build, or a UI built elsewhere): no hints, the page still loads.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      if (err instanceof SyntaxError) return undefined;
      throw err;
    }
  }

  /**
   * The chunk of interface strings the user's language will ask for (i18n.ts loads French and Arabic as chunks of
   * their own; English is built in), from the manifest. The language is picked as the app picks it
   * (first-screen.ts's uiLanguageOf: the one chosen in this browser, else the browser's).
   */
  function stringsFor(m: Manifest, lang: string | undefined): string | undefined {
    if (!lang || lang === 'en') return undefined;
    for (const [key, chunk] of Object.entries(m)) {
      if (key === `src/client/lib/locale-bundles/${lang}.ts`) return chunk.file;
    }
    return undefined;
  }

  /** The `Link` header values for this page's shell (none for pages without hints). */
  /**
   * `data: false`: the page brings the answers its app asks for first (the workspace's first screen,
   * first-screen.ts), so none is hinted; `documentData: false`: all but the document's.
   */
  return function hintsFor(
    pathname: string,
    lang?: string,
    opts: { data?: boolean; documentData?: boolean } = {},
  ): string[] {
    const page = PAGES.map((p) => ({ p, m: pathname.match(p.pattern) })).find((x) => x.m);
    if (!page) return [];
    const data = opts.data === false ? [] : page.p.data(page.m!);
    const links = data
      .filter((url) => opts.documentData !== false || !url.startsWith('/api/documents/'))
      .map((url) => `<${url}>; rel=preload; as=fetch; crossorigin`);
    const m = manifest();
    const key = m && pageChunk(m, page.p.module);
    if (!m || !key) return links;
    // The page's scripts, and any stylesheet Vite split off with them (the build keeps one, but a split one
    // is waited for before the page's code runs: unhinted, one more round trip). Vite asks for both with
    // CORS (crossorigin), so the hints do too, or the browser would not reuse what they fetched.
    const files = new Set<string>();
    const styles = new Set<string>();
    const visit = (key: string) => {
      const chunk = m[key];
      if (!chunk || files.has(chunk.file)) return;
      files.add(chunk.file);
      for (const css of chunk.css ?? []) styles.add(css);
      for (const i of chunk.imports ?? []) visit(i);
    };
    visit(key);
    const strings = stringsFor(m, lang);
    if (strings) files.add(strings);
    return [
      ...[...files].map((f) => `</${f}>; rel=modulepreload`),
      ...[...styles].map((f) => `</${f}>; rel=preload; as=style; crossorigin`),
      ...links,
    ];
  };
}
