import { isApiError } from './api-error';

// Error codes of the sign-up and edit routes that concern one field of the form, by the field
// they concern. `invalid_field` names its field itself.
const FIELD_OF_CODE: Record<string, string> = {
  card_taken: 'card_number',
  card_not_issued: 'card_number',
  card_blocked: 'card_number',
  email_taken: 'email',
  phone_taken: 'phone',
  last_name_mismatch: 'last_name',
};

/** A server error that belongs to one field of a form. */
export interface FieldError {
  field: string;
  code: string;
  /** The finer code, such as the card number check that failed. */
  reason: string | undefined;
  /** The server's own text, shown when the app has no message of its own for the code. */
  message: string;
}

/**
 * Returns the field a failed request was about, or null for an error of the whole form (a lost
 * connection, a 429, a server fault).
 */
export function fieldErrorOf(error: unknown): FieldError | null {
  if (!isApiError(error) || error.status >= 500) return null;
  const field =
    error.code === 'invalid_field' ? (error.field ?? error.parameter) : FIELD_OF_CODE[error.code];
  if (!field) return null;
  return { field, code: error.code, reason: error.reason, message: error.message };
}
