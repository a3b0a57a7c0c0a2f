import { limitStatus, limitViolationOf, type LimitViolation, type TooBigIssue } from '../shared/limits';
import { AppError } from './errors';

/** How many violations an answer lists in `details.violations` (a file may have thousands). */
const LISTED = 100;

/**
 * A 4xx naming the first violation's limit; `details.violations` lists them (with line numbers for files).
 * The message is the first one's, plus how many more there are.
 */
export function limitError(violations: readonly LimitViolation[], extra?: Record<string, unknown>): AppError {
  const first = violations[0];
  if (!first) throw new Error('limitError needs at least one violation');
  const more = violations.length - 1;
  const message = first.message + (more > 0 ? ` ${more} more problem${more === 1 ? '' : 's'} in the details.` : '');
  return new AppError(limitStatus(first.limit), first.code, message, {
    limit: first.limit,
    max: first.max,
    violations: violations.slice(0, LISTED),
    ...extra,
  });
}

/** The AppError for the first validation issue that is a limit of LIMITS, if any. */
export function limitErrorOf(issues: readonly TooBigIssue[], body: unknown): AppError | null {
  const violations = issues.flatMap((i) => limitViolationOf(i, body) ?? []);
  return violations.length > 0 ? limitError(violations) : null;
}
