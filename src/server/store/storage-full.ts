import { AppError } from '../errors';
import { errorCode } from './logger';

/** No space left on the device (ENOSPC), or the user's disk quota is used up (EDQUOT). */
export function isStorageFull(err: unknown): boolean {
  const code = errorCode(err);
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** 507 Insufficient Storage: nothing was saved, the client may retry once space is freed. */
export function storageFullError(what: string, err: unknown): AppError {
  return new AppError(
    507,
    'STORAGE_FULL',
    `The disk of the data directory is full (${errorCode(err)}): ${what} was not saved. ` +
      `Free some space on the server, then try again.`,
  );
}
