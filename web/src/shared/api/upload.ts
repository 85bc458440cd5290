import { sessionStore } from '@/shared/auth/session-store';
import { accessTokenAfterRejection, currentAccessToken } from '@/shared/auth/token-refresh';

import { ApiError, CLIENT_ERROR_CODES } from './api-error';
import { buildUrl, errorFromResponse, networkError, type QueryParams } from './http';

export interface UploadProgress {
  loaded: number;
  /** Bytes in all; 0 when the browser cannot tell. */
  total: number;
}

export interface UploadOptions {
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

interface UploadReply {
  status: number;
  statusText: string;
  responseText: string;
  requestId: string | null;
  retryAfter: string | null;
}

/** Sends the body once with XMLHttpRequest and resolves with whatever status came back. */
function sendOnce(
  url: string,
  body: Blob,
  token: string | null,
  options: UploadOptions,
): Promise<UploadReply> {
  return new Promise<UploadReply>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Content-Type', body.type || 'application/octet-stream');
    if (token !== null) request.setRequestHeader('Authorization', `Bearer ${token}`);

    request.upload.onprogress = (event) => {
      options.onProgress?.({
        loaded: event.loaded,
        total: event.lengthComputable ? event.total : 0,
      });
    };
    request.onerror = () =>
      reject(networkError(new Error('the upload could not reach the server')));
    request.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    request.onload = () =>
      resolve({
        status: request.status,
        statusText: request.statusText,
        responseText: request.responseText,
        requestId: request.getResponseHeader('X-Request-Id'),
        retryAfter: request.getResponseHeader('Retry-After'),
      });

    options.signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(body);
  });
}

function parseReply<T>(reply: UploadReply): T {
  if (reply.status < 200 || reply.status >= 300) {
    throw errorFromResponse({
      status: reply.status,
      statusText: reply.statusText,
      bodyText: reply.responseText,
      requestId: reply.requestId,
      retryAfter: reply.retryAfter,
    });
  }
  try {
    return JSON.parse(reply.responseText) as T;
  } catch {
    throw new ApiError({
      status: reply.status,
      code: CLIENT_ERROR_CODES.invalidResponse,
      message: `the server sent a body that is not JSON: ${reply.responseText.slice(0, 100)}`,
      requestId: reply.requestId ?? undefined,
    });
  }
}

/**
 * POSTs `body` as the raw request body, as the signed-in user, and returns the JSON response.
 * It uses XMLHttpRequest because fetch reports no upload progress, and a cash-register export
 * can be a gigabyte. A 401 renews the session and sends the file once more. Failures are the
 * same ApiError values as apiGet's.
 */
export async function apiUpload<T>(
  path: string,
  params: QueryParams,
  body: Blob,
  options: UploadOptions = {},
): Promise<T> {
  const url = buildUrl(path, params);
  const token = await currentAccessToken();
  let reply = await sendOnce(url, body, token, options);
  if (reply.status === 401 && token !== null) {
    reply = await sendOnce(url, body, await accessTokenAfterRejection(token), options);
    if (reply.status === 401) sessionStore.end('expired');
  }
  return parseReply<T>(reply);
}
