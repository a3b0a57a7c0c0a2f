import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api';
import { createQueryClient } from './app';

describe('query client', () => {
  const retry = createQueryClient().getDefaultOptions().queries!.retry as (count: number, err: unknown) => boolean;

  it('does not retry a 4xx: an unknown document or a refusal is an answer, shown at once', () => {
    expect(retry(0, new ApiError(404, 'DOCUMENT_NOT_FOUND', 'There is no document x.'))).toBe(false);
    expect(retry(0, new ApiError(403, 'FORBIDDEN', 'No.'))).toBe(false);
  });

  it('retries network and server trouble once', () => {
    expect(retry(0, new ApiError(503, 'DOCUMENT_UNAVAILABLE', 'Later.'))).toBe(true);
    expect(retry(0, new TypeError('Failed to fetch'))).toBe(true);
    expect(retry(1, new TypeError('Failed to fetch'))).toBe(false);
  });
});
