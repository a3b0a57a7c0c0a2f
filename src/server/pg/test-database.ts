import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

/**
 * Tests only. The PostgreSQL suites need a role that may CREATE DATABASE: each suite makes its own
 * `visavis_test_<random>` and drops it after. .ci/run sets TEST_DATABASE_URL; this is the default.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://root@127.0.0.1:5432/postgres';

/** Why PostgreSQL cannot be used for tests, or null when it can. */
export async function postgresProblem(url = TEST_DATABASE_URL): Promise<string | null> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    const [row] = await sql<
      { ok: boolean }[]
    >`SELECT rolcreatedb OR rolsuper AS ok FROM pg_roles WHERE rolname = current_user`;
    return row?.ok ? null : 'the role of TEST_DATABASE_URL may not CREATE DATABASE';
  } catch (err) {
    return (err as Error).message;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => undefined);
  }
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the server of TEST_DATABASE_URL. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `visavis_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end({ timeout: 1 });
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const sql = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
      try {
        // WITH (FORCE): a server killed by a test may have left connections behind.
        await sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await sql.end({ timeout: 1 });
      }
    },
  };
}
