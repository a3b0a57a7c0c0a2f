import type { DocumentSummary, ErrorBody } from '../../../shared/schemas';
import { CSRF_HEADER } from '../../../shared/users';
import { ApiError, getCsrfToken } from '../../lib/api';

/** What POST /api/documents/import-file answers. */
export interface ImportFileResponse {
  document: DocumentSummary;
  read: {
    format: string;
    version?: string;
    files: number;
    units: number;
    segments: number;
    marks: number;
    notes: number;
  };
}

export interface UploadOptions {
  force?: boolean;
  fields?: Record<string, string>;
  /** Fraction of the file sent, 0–1. */
  onProgress?: (sent: number) => void;
}

/**
 * Sends one file to POST /api/documents/import-file as multipart/form-data. XMLHttpRequest, not fetch: only it
 * reports upload progress. Errors are ApiErrors, like every other request's.
 */
export function uploadFile(file: File, opts: UploadOptions = {}): Promise<ImportFileResponse> {
  const form = new FormData();
  for (const [k, v] of Object.entries(opts.fields ?? {})) if (v) form.append(k, v);
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/documents/import-file${opts.force ? '?force=true' : ''}`);
    xhr.setRequestHeader('accept', 'application/json');
    const token = getCsrfToken();
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'The upload failed.'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as ImportFileResponse);
      const error = (body as ErrorBody | undefined)?.error;
      reject(
        new ApiError(
          xhr.status,
          error?.code ?? (xhr.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST'),
          error?.message ?? xhr.statusText,
          error?.details,
        ),
      );
    };
    xhr.send(form);
  });
}
