import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from './app';
import type { DocumentStore } from './store/document-store';
import { openJsonFileStore, type StoreLogger } from './store/json-file-store';

/** Test-only helpers for API tests (app.inject against a temp DATA_DIR). */

export const SAMPLES_DIR = fileURLToPath(new URL('../../samples', import.meta.url));

export function readSample(name: 'source.ar.txt' | 'target.fr.txt'): string {
  return readFileSync(path.join(SAMPLES_DIR, 'laftit-darmanin', name), 'utf8');
}

const silent: StoreLogger = { info() {}, warn() {}, error() {} };

export interface TestServer {
  app: FastifyInstance;
  store: DocumentStore;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * A fresh sandbox (mkdtemp) with DATA_DIR inside it, so that anything written next to DATA_DIR
 * (e.g. via "../x") is visible to the test.
 */
export async function makeSandbox(): Promise<{ sandbox: string; dataDir: string }> {
  const sandbox = await fs.mkdtemp(path.join(os.tmpdir(), 'visavis-api-'));
  const dataDir = path.join(sandbox, 'data');
  await fs.mkdir(dataDir);
  return { sandbox, dataDir };
}

export async function startServer(dataDir: string): Promise<TestServer> {
  const store = await openJsonFileStore({ dataDir, logger: silent });
  const app = await buildApp({ store });
  await app.ready();
  let closed = false;
  return {
    app,
    store,
    dataDir,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      await store.close();
    },
  };
}

/** Every file and directory under dir (relative paths, sorted), with file sizes. */
export async function tree(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(rel: string) {
    const entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      const p = path.join(rel, e.name);
      if (e.isDirectory()) {
        out.push(`${p}/`);
        await walk(p);
      } else {
        const st = await fs.stat(path.join(dir, p));
        out.push(`${p} ${st.size}`);
      }
    }
  }
  await walk('');
  return out.sort();
}

export const actorHeader = (name = 'Tester') => ({ 'x-actor': encodeURIComponent(name) });

/** JSON body of a response, typed loosely for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const json = (res: LightMyRequestResponse): any => JSON.parse(res.body);

export async function call(
  app: FastifyInstance,
  method: InjectOptions['method'],
  url: string,
  body?: unknown,
  actor: string | null = 'Tester',
) {
  const headers: Record<string, string> = actor === null ? {} : actorHeader(actor);
  const opts: InjectOptions = { method, url, headers };
  if (body !== undefined) opts.payload = body as InjectOptions['payload'];
  return app.inject(opts);
}
