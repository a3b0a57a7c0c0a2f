import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Sql } from 'postgres';
import { ROLES, type Role } from '../shared/permissions';
import { CSRF_HEADER, LoginSchema } from '../shared/users';
import { buildApp, type AppOptions } from './app';
import { SESSION_COOKIE } from './auth/auth-hooks';
import { openAuthStore, type AuthStore, type AuthStoreOptions } from './auth/auth-store';
import type { ScryptParams } from './auth/password';
import type { DocumentStore } from './store/document-store';
import { openJsonFileStore, type StoreLogger } from './store/json-file-store';
import { openPgBackend } from './pg/pg-backend';
import { createTestDatabase, type TestDatabase } from './pg/test-database';
import type { LiveOptions } from './routes/live';

/** Test-only helpers for API tests (app.inject against a temp DATA_DIR). */

export const SAMPLES_DIR = fileURLToPath(new URL('../../samples', import.meta.url));

export function readSample(name: 'source.ar.txt' | 'target.fr.txt'): string {
  return readFileSync(path.join(SAMPLES_DIR, 'laftit-darmanin', name), 'utf8');
}

const silent: StoreLogger = { info() {}, warn() {}, error() {} };

export interface TestServer {
  app: FastifyInstance;
  /** The PostgreSQL connection when TEST_STORE is postgres. */
  sql?: Sql;
  store: DocumentStore;
  auth: AuthStore;
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

/** Cheap hashing for tests (hashes record their cost, so this changes nothing else). */
export const TEST_SCRYPT: ScryptParams = { ln: 6, r: 8, p: 1 };
export const TEST_PASSWORD = 'test password';

/** The auth store behind each test app, so that helpers can create users directly. */
const authOf = new WeakMap<FastifyInstance, AuthStore>();

export interface StartOptions {
  auth?: Partial<AuthStoreOptions>;
  trustProxy?: boolean;
  /** A built UI to serve. */
  staticDir?: string;
  webhooks?: AppOptions['webhooks'];
}

/** VISAVIS_TEST_STORE=postgres (the node-postgres Vitest project): API tests run on a fresh PostgreSQL database. */
export const TEST_STORE = process.env.VISAVIS_TEST_STORE === 'postgres' ? 'postgres' : 'json';

export async function startServer(dataDir: string, opts: StartOptions = {}): Promise<TestServer> {
  const backend =
    TEST_STORE === 'postgres' ? await openTestPgBackend(dataDir, opts) : await openTestJsonBackend(dataDir, opts);
  const { store, auth } = backend;
  const app = await buildApp({
    store,
    auth,
    ...(backend.live ? { live: backend.live } : {}),
    ...(opts.trustProxy ? { trustProxy: true } : {}),
    ...(opts.staticDir ? { staticDir: opts.staticDir } : {}),
    ...(opts.webhooks ? { webhooks: opts.webhooks } : {}),
  });
  await app.ready();
  authOf.set(app, auth);
  let closed = false;
  return {
    app,
    store,
    auth,
    dataDir,
    ...(backend.sql ? { sql: backend.sql } : {}),
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      await backend.close();
    },
  };
}

interface TestBackend {
  sql?: Sql;
  store: DocumentStore;
  auth: AuthStore;
  live?: LiveOptions;
  close(): Promise<void>;
}

async function openTestJsonBackend(dataDir: string, opts: StartOptions): Promise<TestBackend> {
  const store = await openJsonFileStore({ dataDir, logger: silent });
  const auth = await openAuthStore({ dataDir: store.dataDir, logger: silent, scrypt: TEST_SCRYPT, ...opts.auth });
  return {
    store,
    auth,
    async close() {
      await auth.close();
      await store.close();
    },
  };
}

/** One database per DATA_DIR, so that a restart (startServer on the same dir) finds the same data. */
const testDatabases = new Map<string, Promise<TestDatabase>>();
if (TEST_STORE === 'postgres') {
  afterAll(async () => {
    const dbs = await Promise.all(testDatabases.values());
    testDatabases.clear();
    await Promise.all(dbs.map((db) => db.drop()));
  });
}

async function openTestPgBackend(dataDir: string, opts: StartOptions): Promise<TestBackend> {
  let made = testDatabases.get(dataDir);
  if (!made) testDatabases.set(dataDir, (made = createTestDatabase()));
  const db = await made;
  const a = opts.auth ?? {};
  const pg = await openPgBackend({
    url: db.url,
    logger: silent,
    scrypt: TEST_SCRYPT,
    poolSize: 4,
    ...(a.sessionTtlMs !== undefined ? { sessionTtlMs: a.sessionTtlMs } : {}),
    ...(a.now ? { now: a.now } : {}),
    ...(a.throttle ? { throttle: a.throttle } : {}),
  });
  return {
    sql: pg.sql,
    store: pg.store,
    auth: pg.auth,
    live: { presence: pg.presence, revocations: pg.revocations },
    close: () => pg.close(),
  };
}

/** Everything stored of users or sessions, as text (the JSON file, or the table's rows as JSON). */
export async function storedText(server: TestServer, what: 'users' | 'sessions'): Promise<string> {
  if (server.sql) {
    const table = server.sql(what);
    const [row] = await server.sql<{ text: string | null }[]>`SELECT json_agg(t)::text AS text FROM ${table} t`;
    return row?.text ?? '';
  }
  return fs.readFile(path.join(server.dataDir, `${what}.json`), 'utf8');
}

export interface Credentials {
  login: string;
  /** Cookie and CSRF headers of a signed-in session. */
  headers: Record<string, string>;
  csrfToken: string;
  cookie: string;
}

const signedIn = new WeakMap<FastifyInstance, Map<string, Promise<Credentials>>>();

/** Creates a user directly in the store (roles: all of them unless told), with TEST_PASSWORD. */
export async function ensureUser(app: FastifyInstance, login: string, roles: readonly Role[] = ROLES) {
  const auth = authOf.get(app);
  if (!auth) throw new Error('not an app from startServer()');
  return (
    (await auth.users.byLogin(login)) ??
    (await auth.users.create({
      login: LoginSchema.parse(login),
      displayName: login.trim(),
      password: TEST_PASSWORD,
      roles: [...roles],
    }))
  );
}

/** Signs in through POST /api/session and returns the session's headers. */
export async function login(app: FastifyInstance, name: string, password = TEST_PASSWORD): Promise<Credentials> {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { login: name, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${name} failed: ${res.statusCode} ${res.body}`);
  const token = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
  if (!token) throw new Error('no session cookie');
  const csrfToken = (JSON.parse(res.body) as { csrfToken: string }).csrfToken;
  const cookie = `${SESSION_COOKIE}=${token}`;
  return { login: name, csrfToken, cookie, headers: { cookie, [CSRF_HEADER]: csrfToken } };
}

/** A signed-in session of `name` (a user with every role unless it exists already), one per app and name. */
export function signIn(app: FastifyInstance, name = 'Tester', roles: readonly Role[] = ROLES): Promise<Credentials> {
  let byName = signedIn.get(app);
  if (!byName) signedIn.set(app, (byName = new Map()));
  let creds = byName.get(name);
  if (!creds) {
    creds = ensureUser(app, name, roles).then(() => login(app, name));
    byName.set(name, creds);
    creds.catch(() => byName.delete(name));
  }
  return creds;
}

/** Headers of a signed-in request (session cookie and CSRF token). */
export async function authHeaders(app: FastifyInstance, name = 'Tester'): Promise<Record<string, string>> {
  return (await signIn(app, name)).headers;
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

/** JSON body of a response, typed loosely for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const json = (res: LightMyRequestResponse): any => JSON.parse(res.body);

/** A request signed in as `actor` (a user with every role, created on first use), or anonymous with null. */
export async function call(
  app: FastifyInstance,
  method: InjectOptions['method'],
  url: string,
  body?: unknown,
  actor: string | null = 'Tester',
) {
  const headers: Record<string, string> = actor === null ? {} : await authHeaders(app, actor);
  const opts: InjectOptions = { method, url, headers };
  if (body !== undefined) opts.payload = body as InjectOptions['payload'];
  return app.inject(opts);
}

// ---- One signed-in user per role ------------------------------------------------------------------

/** Logins differ from display names on purpose: events must record the login. */
export const TRANSLATOR = 'tina';
export const REVIEWER = 'rémi';
export const EDITOR = 'edith';
export const VIEWER = 'victor';
export const ADMIN = 'ada';
export const ROLE_USERS: readonly (readonly [login: string, displayName: string, roles: Role[]])[] = [
  [TRANSLATOR, 'Tina Translator', ['translator']],
  [REVIEWER, 'Rémi Reviewer', ['reviewer']],
  [EDITOR, 'Edith Editor', ['editor']],
  [VIEWER, 'Victor Viewer', ['viewer']],
  [ADMIN, 'Ada Admin', ['admin']],
];

export interface RoleServer {
  server: TestServer;
  sandbox: string;
  dataDir: string;
  app: FastifyInstance;
  /** Closes the server and opens a new one on the same DATA_DIR (users and journals are kept). */
  restart(): Promise<void>;
}

/**
 * A sandbox and a server for one describe block, with ROLE_USERS created and signed in; `seed` runs on
 * the fresh store first (e.g. seedSample). Closed and removed after the block.
 */
export function useRoleServer(seed?: (server: TestServer) => Promise<void>): RoleServer {
  const signInAll = async () => {
    for (const [l] of ROLE_USERS) await signIn(ctx.app, l);
  };
  const ctx: RoleServer = {
    async restart() {
      await ctx.server.close();
      ctx.server = await startServer(ctx.dataDir);
      ctx.app = ctx.server.app;
      await signInAll();
    },
  } as RoleServer;
  beforeAll(async () => {
    const { sandbox, dataDir } = await makeSandbox();
    Object.assign(ctx, { sandbox, dataDir });
    ctx.server = await startServer(dataDir);
    ctx.app = ctx.server.app;
    await seed?.(ctx.server);
    for (const [l, displayName, roles] of ROLE_USERS) {
      await ctx.server.auth.users.create({ login: LoginSchema.parse(l), displayName, password: TEST_PASSWORD, roles });
    }
    await signInAll();
  });
  afterAll(async () => {
    await ctx.server?.close();
    if (ctx.sandbox) await fs.rm(ctx.sandbox, { recursive: true, force: true });
  });
  return ctx;
}

/** A multipart/form-data body as a browser sends it (undici serializes FormData). */
export async function multipart(
  file: { name: string; bytes: Uint8Array | string } | null,
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new Blob([file.bytes as BlobPart]), file.name);
  const res = new Response(form);
  return { body: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type')! };
}
