import type { TestProject } from 'vitest/node';
import { TEST_DATABASE_URL, postgresProblem } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Why the PostgreSQL suites are skipped, or '' when they run. */
    postgresSkipped: string;
  }
}

/**
 * Vitest global setup: is there a PostgreSQL to test against? Without one the PostgreSQL suites are skipped
 * and this says so, and how to run them. With REQUIRE_POSTGRES=1 (.ci/run) a missing database fails the run.
 */
export default async function setup(project: TestProject) {
  const problem = await postgresProblem();
  if (problem && process.env.REQUIRE_POSTGRES === '1') {
    throw new Error(`REQUIRE_POSTGRES=1 but PostgreSQL cannot be used at ${TEST_DATABASE_URL}: ${problem}`);
  }
  if (problem) {
    const rule = '-'.repeat(100);
    console.warn(
      `\n${rule}\n  PostgreSQL suite SKIPPED: ${TEST_DATABASE_URL} cannot be used (${problem}).\n` +
        '  To run it: start PostgreSQL and set TEST_DATABASE_URL=postgres://USER@HOST:PORT/DB (a role that may\n' +
        '  CREATE DATABASE; each suite makes its own visavis_test_* database and drops it), or run .ci/run,\n' +
        `  which installs and starts PostgreSQL when missing.\n${rule}\n`,
    );
  }
  project.provide('postgresSkipped', problem ?? '');
}
