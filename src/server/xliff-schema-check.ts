// Test support only (node): validates XLIFF against the official schemas in ../shared/data (never copied
// into the repo) with xmllint from Debian's libxml2-utils (.ci/run installs it when missing).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
// The project's shared data sits beside the repository (../shared/data); VISAVIS_SHARED_DATA points elsewhere.
export const SHARED_DATA = process.env.VISAVIS_SHARED_DATA ?? resolve(repoRoot, '../shared/data');

export const SCHEMAS: Record<string, string> = {
  '1.2': join(SHARED_DATA, 'xliff-1.2-schema/xliff-core-1.2-transitional.xsd'),
  '2.0': join(SHARED_DATA, 'xliff-2.0-schema/xliff_core_2.0.xsd'),
  '2.1': join(SHARED_DATA, 'xliff-2.0-schema/xliff_core_2.0.xsd'),
  '2.2': join(SHARED_DATA, 'xliff-2.2-schemas/xliff_core_2.2.xsd'),
};

/** Whether the official schemas are here: a clone without ../shared/data cannot validate (and says so once). */
export const SCHEMAS_PRESENT = Object.values(SCHEMAS).every((f) => existsSync(f));
let warned = false;

/**
 * null when `xml` validates against the schema of `version`, else xmllint's complaint. Without the schemas
 * (a clone outside the project's folder) validation is skipped with a warning, like the PostgreSQL suite.
 */
export function schemaErrors(xml: string, version: string): string | null {
  if (!SCHEMAS_PRESENT) {
    if (!warned) {
      warned = true;
      console.warn(
        `XLIFF schema validation SKIPPED: the official schemas are not in ${SHARED_DATA} ` +
          '(run the tests from the project folder, beside ../shared, or set VISAVIS_SHARED_DATA).',
      );
    }
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'visavis-xliff-'));
  const file = join(dir, 'out.xlf');
  try {
    writeFileSync(file, xml);
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMAS[version]!, file], { stdio: 'pipe' });
    return null;
  } catch (err) {
    const e = err as { code?: string; stderr?: Buffer };
    if (e.code === 'ENOENT')
      throw new Error('xmllint is missing: install libxml2-utils (apt-get install libxml2-utils)');
    return e.stderr?.toString() ?? String(err);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
