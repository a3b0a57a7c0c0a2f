import { z } from 'zod';

// The list as a constant and the schema made from it: the UI reads the list without asking zod (issue #10).
export const ROLES = ['translator', 'reviewer', 'editor', 'viewer', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Everything a request can do to a document or to the users; each route names one. */
export const PERMISSIONS = {
  'document.read': ['translator', 'reviewer', 'editor', 'viewer', 'admin'],
  'document.export': ['translator', 'reviewer', 'editor', 'viewer', 'admin'],
  'document.create': ['editor', 'admin'],
  'document.rename': ['editor'],
  'document.archive': ['editor'],
  /** Deleting a document keeps nothing: admins only. */
  'document.delete': [],
  'segment.edit': ['translator'],
  'segment.revert': ['translator', 'editor'],
  'flag.create': ['reviewer'],
  /** Edit a flag, or undo its withdrawal: its author (a reviewer), or an editor (see flag.editAny). */
  'flag.edit': ['reviewer', 'editor'],
  'flag.restore': ['reviewer', 'editor'],
  /** Edit and restore flags someone else created. */
  'flag.editAny': ['editor'],
  'flag.accept': ['translator'],
  'flag.dispute': ['translator'],
  'flag.reject': ['reviewer', 'editor'],
  'flag.resolve': ['reviewer', 'editor'],
  'flag.withdraw': ['reviewer'],
  'flag.maintain': ['reviewer'],
  'comment.add': ['translator', 'reviewer', 'editor'],
  'comment.edit': ['translator', 'reviewer', 'editor'],
  'segment.status': ['editor'],
  'segment.structure': ['editor'],
  'document.status': ['editor'],
  'document.settings': ['editor'],
  'qa.settings': ['reviewer', 'editor'],
  /** Mark a segment reviewed by me, and record my active time on it. */
  'segment.review': ['reviewer', 'editor'],
  /** Attach the project's review guidelines. */
  'document.guidelines': ['editor'],
  'qa.dismiss': ['reviewer'],
  'users.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/** Admins may do everything; everyone else what one of their roles allows. */
export function can(roles: readonly Role[], permission: Permission): boolean {
  if (roles.includes('admin')) return true;
  return (PERMISSIONS[permission] as readonly Role[]).some((r) => roles.includes(r));
}
