import { ApiError, CLIENT_ERROR_CODES } from './api-error';

// The transport under every API call: URLs, the error envelope, and fetch without credentials.
// The signed-in client (client.ts) and the session refresh both build on it.

/** Query values: arrays become repeated parameters, null and undefined are left out. */
export type QueryValue = string | number | boolean | readonly string[] | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export const API_BASE = '/api/v1';
export const REQUEST_ID_HEADER = 'X-Request-Id';

/** Turns a URL the API returns ("/api/v1/me/card/qr.svg") into a path under the API. */
export function apiPathOf(url: string): string {
  return url.startsWith(`${API_BASE}/`) ? url.slice(API_BASE.length) : url;
}

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
  error: { code: string; message: string; parameter?: string; field?: string; reason?: string };
}

function isErrorEnvelope(body: unknown): body is ErrorEnvelope {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as Record<string, unknown>;
  return typeof code === 'string' && typeof message === 'string';
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Reads a Retry-After header, which contains either seconds or an HTTP date, as whole seconds
 * from `now`; undefined when absent or malformed.
 */
export function parseRetryAfter(
  header: string | null,
  now: number = Date.now(),
): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** The parts of a failed response that errorFromResponse reads. */
export interface FailedResponse {
  status: number;
  statusText: string;
  bodyText: string;
  requestId: string | null;
  retryAfter?: string | null;
}

/**
 * Maps a non-2xx response to an ApiError: the server's envelope when it sent one, otherwise the
 * status line and the start of the body (a proxy's HTML page, say).
 */
export function errorFromResponse(response: FailedResponse): ApiError {
  const { status, statusText, bodyText } = response;
  const requestId = response.requestId ?? undefined;
  const retryAfter = parseRetryAfter(response.retryAfter ?? null);
  const body = parseJson(bodyText);
  if (isErrorEnvelope(body)) {
    return new ApiError({
      status,
      code: body.error.code,
      message: body.error.message,
      parameter: optionalText(body.error.parameter),
      field: optionalText(body.error.field),
      reason: optionalText(body.error.reason),
      requestId,
      retryAfter,
    });
  }
  const excerpt = bodyText.trim().slice(0, 200);
  const statusLine = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  return new ApiError({
    status,
    code: CLIENT_ERROR_CODES.httpStatus,
    message: excerpt ? `${statusLine}: ${excerpt}` : statusLine,
    requestId,
    retryAfter,
  });
}

/** Reads the error of a fetch Response whose status is not 2xx. */
export async function errorOfResponse(response: Response): Promise<ApiError> {
  const bodyText = await response.text().catch(() => '');
  return errorFromResponse({
    status: response.status,
    statusText: response.statusText,
    bodyText,
    requestId: response.headers.get(REQUEST_ID_HEADER),
    retryAfter: response.headers.get('Retry-After'),
  });
}

export function networkError(cause: unknown): ApiError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network, message: detail });
}

/**
 * Calls fetch and returns the response whatever its status. A failure to connect becomes a
 * network ApiError; a cancellation stays an AbortError, which React Query and callers expect.
 */
export async function fetchResponse(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw networkError(cause);
  }
}

/** Reads a JSON body; a body that is not JSON is an `invalid_response` ApiError. */
export async function readJson<T>(response: Response): Promise<T> {
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

/** Returns the JSON body of a request, or undefined for a 204 or an empty 2xx body. */
export async function readOptionalJson<T>(response: Response): Promise<T | undefined> {
  if (response.status === 204) return undefined;
  const text = await response.clone().text();
  if (text.trim() === '') return undefined;
  return readJson<T>(response);
}
