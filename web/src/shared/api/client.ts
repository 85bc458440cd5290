import { sessionStore } from '@/shared/auth/session-store';
import { accessTokenAfterRejection, currentAccessToken } from '@/shared/auth/token-refresh';

import {
  buildUrl,
  errorOfResponse,
  fetchResponse,
  readJson,
  readOptionalJson,
  type QueryParams,
} from './http';

export { buildUrl } from './http';
export type { QueryParams, QueryValue } from './http';

function withBearer(init: RequestInit, token: string | null): RequestInit {
  if (token === null) return init;
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return { ...init, headers };
}

/**
 * Sends a request as the signed-in user and returns the 2xx response. A 401 renews the session
 * once and repeats the request; a second 401 ends the session. Every failure is an ApiError,
 * except a cancellation, which stays an AbortError.
 */
async function send(url: string, init: RequestInit, authorize = true): Promise<Response> {
  const token = authorize ? await currentAccessToken() : null;
  let response = await fetchResponse(url, withBearer(init, token));
  if (response.status === 401 && token !== null) {
    const renewed = await accessTokenAfterRejection(token);
    response = await fetchResponse(url, withBearer(init, renewed));
    if (response.status === 401) sessionStore.end('expired');
  }
  if (!response.ok) throw await errorOfResponse(response);
  return response;
}

/** GETs a JSON resource under /api/v1. Throws ApiError on every failure but cancellation. */
export async function apiGet<T>(
  path: string,
  params?: QueryParams,
  signal?: AbortSignal,
): Promise<T> {
  const response = await send(buildUrl(path, params), {
    headers: { Accept: 'application/json' },
    signal: signal ?? null,
  });
  return readJson<T>(response);
}

export interface SendOptions {
  signal?: AbortSignal;
  /**
   * False for the routes that sign in and sign up, which take no access token and whose 401
   * means wrong credentials rather than an expired session.
   */
  authorize?: boolean;
}

/**
 * Sends `body` as JSON with POST or PATCH and returns the JSON response. A 204 or an empty body
 * resolves to undefined, so a route without a response body is typed `apiSend<unknown>`.
 */
export async function apiSend<T>(
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  options: SendOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await send(
    buildUrl(path),
    {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      signal: options.signal ?? null,
    },
    options.authorize ?? true,
  );
  return (await readOptionalJson<T>(response)) as T;
}

/** GETs a binary resource, such as a barcode image, that needs the access token. */
export async function apiBlob(path: string, signal?: AbortSignal): Promise<Blob> {
  const response = await send(buildUrl(path), { signal: signal ?? null });
  return response.blob();
}

/** A file the server sent as an attachment. */
export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/** Reads the file name of a Content-Disposition header, RFC 6266 `filename*` first. */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: use the plain parameter below.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain?.[1]?.trim() || fallback;
}

/** GETs a file download under /api/v1 as a Blob with the server's file name. */
export async function apiDownload(
  path: string,
  params: QueryParams,
  fallbackName: string,
): Promise<DownloadedFile> {
  const response = await send(buildUrl(path, params), {});
  const blob = await response.blob();
  const filename = filenameFromDisposition(
    response.headers.get('Content-Disposition'),
    fallbackName,
  );
  return { blob, filename };
}
