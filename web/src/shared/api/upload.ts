import { ApiError, CLIENT_ERROR_CODES } from './api-error';
import { buildUrl, errorFromResponse, networkError, type QueryParams } from './client';

export interface UploadProgress {
  loaded: number;
  /** Bytes in all; 0 when the browser cannot tell. */
  total: number;
}

export interface UploadOptions {
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

/**
 * POSTs `body` as the raw request body and returns the JSON response. It uses XMLHttpRequest
 * because fetch reports no upload progress, and a cash-register export can be a gigabyte.
 * Failures are the same ApiError values as apiGet's.
 */
export function apiUpload<T>(
  path: string,
  params: QueryParams,
  body: Blob,
  options: UploadOptions = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', buildUrl(path, params));
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Content-Type', body.type || 'application/octet-stream');

    request.upload.onprogress = (event) => {
      options.onProgress?.({
        loaded: event.loaded,
        total: event.lengthComputable ? event.total : 0,
      });
    };
    request.onerror = () =>
      reject(networkError(new Error('the upload could not reach the server')));
    request.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    request.onload = () => {
      const requestId = request.getResponseHeader('X-Request-Id');
      if (request.status < 200 || request.status >= 300) {
        reject(
          errorFromResponse(request.status, request.statusText, request.responseText, requestId),
        );
        return;
      }
      try {
        resolve(JSON.parse(request.responseText) as T);
      } catch {
        reject(
          new ApiError({
            status: request.status,
            code: CLIENT_ERROR_CODES.invalidResponse,
            message: `the server sent a body that is not JSON: ${request.responseText.slice(0, 100)}`,
            requestId: requestId ?? undefined,
          }),
        );
      }
    };

    options.signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(body);
  });
}
