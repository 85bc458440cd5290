import { ApiError, CLIENT_ERROR_CODES } from './api-error';

/** Query values: arrays become repeated parameters, null and undefined are left out. */
export type QueryValue = string | number | boolean | readonly string[] | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export const API_BASE = '/api/v1';
const REQUEST_ID_HEADER = 'X-Request-Id';

/** Builds a same-origin URL such as `/api/v1/stores?store=PV01&store=PV02`. */
export function buildUrl(path: string, params: QueryParams = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      for (const item of value as readonly string[]) query.append(name, item);
    } else {
      query.set(name, String(value));
    }
  }
  const text = query.toString();
  return text ? `${API_BASE}${path}?${text}` : `${API_BASE}${path}`;
}

interface ErrorEnvelope {
  error: { code: string; message: string; parameter?: string };
}

function isErrorEnvelope(body: unknown): body is ErrorEnvelope {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as Record<string, unknown>;
  return typeof code === 'string' && typeof message === 'string';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Maps a non-2xx response to an ApiError: the server's envelope when it sent one, otherwise the
 * status line and the start of the body (a proxy's HTML page, say).
 */
export function errorFromResponse(
  status: number,
  statusText: string,
  bodyText: string,
  requestId: string | null,
): ApiError {
  const body = parseJson(bodyText);
  if (isErrorEnvelope(body)) {
    return new ApiError({
      status,
      code: body.error.code,
      message: body.error.message,
      parameter: body.error.parameter,
      requestId: requestId ?? undefined,
    });
  }
  const excerpt = bodyText.trim().slice(0, 200);
  const statusLine = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  return new ApiError({
    status,
    code: CLIENT_ERROR_CODES.httpStatus,
    message: excerpt ? `${statusLine}: ${excerpt}` : statusLine,
    requestId: requestId ?? undefined,
  });
}

export function networkError(cause: unknown): ApiError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network, message: detail });
}

async function send(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (cause) {
    // A cancelled request is not an error to show; React Query and callers expect AbortError.
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw networkError(cause);
  }
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    throw errorFromResponse(
      response.status,
      response.statusText,
      text,
      response.headers.get(REQUEST_ID_HEADER),
    );
  }
  return response;
}

async function readJson<T>(response: Response): Promise<T> {
  const text = await response.text();
  const body = parseJson(text);
  if (body === undefined) {
    throw new ApiError({
      status: response.status,
      code: CLIENT_ERROR_CODES.invalidResponse,
      message: `the server sent a body that is not JSON: ${text.slice(0, 100)}`,
      requestId: response.headers.get(REQUEST_ID_HEADER) ?? undefined,
    });
  }
  return body as T;
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
