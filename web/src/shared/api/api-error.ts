/**
 * Codes the client itself gives to failures that carry no error body from the server. Every
 * other code comes from the server's `{"error": {"code": ...}}` envelope.
 */
export const CLIENT_ERROR_CODES = {
  network: 'network_error',
  httpStatus: 'http_error',
  invalidResponse: 'invalid_response',
} as const;

export interface ApiErrorDetails {
  status: number;
  code: string;
  message: string;
  parameter?: string | undefined;
  /** The request body field at fault, as the sign-up and edit routes name it. */
  field?: string | undefined;
  /** A finer code under `code`, such as the card number check that failed. */
  reason?: string | undefined;
  requestId?: string | undefined;
  /** Seconds to wait before trying again, from a Retry-After header. */
  retryAfter?: number | undefined;
}

/**
 * The one error type of every API call. `status` is the HTTP status, or 0 when no response
 * arrived. `message` is the server's own text for people when it sent one.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly parameter: string | undefined;
  readonly field: string | undefined;
  readonly reason: string | undefined;
  readonly requestId: string | undefined;
  readonly retryAfter: number | undefined;

  constructor(details: ApiErrorDetails) {
    super(details.message);
    this.name = 'ApiError';
    this.status = details.status;
    this.code = details.code;
    this.parameter = details.parameter;
    this.field = details.field;
    this.reason = details.reason;
    this.requestId = details.requestId;
    this.retryAfter = details.retryAfter;
  }

  /** True for failures a retry may fix: no response, a timeout or a server fault. */
  get isTransient(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
