import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, type Permission } from './permissions';

describe('can', () => {
  it.each([
    [['translator'], 'segment.edit', true],
    [['translator'], 'flag.create', false],
    [['reviewer'], 'flag.create', true],
    [['reviewer'], 'segment.edit', false],
    [['editor'], 'segment.status', true],
    [['viewer'], 'document.export', true],
    [['viewer'], 'comment.add', false],
    [['admin'], 'segment.edit', true],
    [['translator', 'reviewer'], 'flag.create', true],
    [[], 'document.read', false],
  ] as const)('%j → %s is %s', (roles, permission, expected) => {
    expect(can(roles, permission as Permission)).toBe(expected);
  });

  it('gives viewers nothing that writes', () => {
    const writes = (Object.keys(PERMISSIONS) as Permission[]).filter(
      (p) => !['document.read', 'document.export'].includes(p),
    );
    expect(writes.filter((p) => can(['viewer'], p))).toEqual([]);
  });
});
