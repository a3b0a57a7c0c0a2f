import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, ROLES, type Permission } from './permissions';

/** The README's roles table, generated from the permission table (admins may do everything). */
function rolesTable(): string {
  const header = `| Permission | ${ROLES.join(' | ')} |`;
  const rule = `| --- |${ROLES.map(() => ' :-: |').join('')}`;
  const rows = (Object.keys(PERMISSIONS) as Permission[]).map((p) =>
    `| \`${p}\` | ${ROLES.map((r) => (can([r], p) ? '✓' : '')).join(' | ')} |`.replace(/ {2}/g, ' '),
  );
  return [header, rule, ...rows].join('\n');
}

describe('README', () => {
  it('shows the roles table of src/shared/permissions.ts (regenerate it from rolesTable() when this fails)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(rolesTable());
  });
});
