import { fieldErrorOf } from '@/shared/api/field-error';
import { isPlausibleEmail, isPlausiblePhone } from '@/shared/lib/contact';
import { cardNumberProblem, compactCardNumber, type CardNumberProblem } from '@/shared/lib/ean13';

import { MIN_PASSWORD_LENGTH } from './password';

/** The values of the sign-up form, named as POST /auth/signup names them. */
export interface SignUpValues {
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  password: string;
  card_number: string;
  privacy_accepted: boolean;
  marketing_consent: boolean;
  profiling_consent: boolean;
}

export type SignUpField = keyof SignUpValues;

export const EMPTY_SIGN_UP: SignUpValues = {
  first_name: '',
  last_name: '',
  email: '',
  phone: '',
  password: '',
  card_number: '',
  privacy_accepted: false,
  marketing_consent: false,
  profiling_consent: false,
};

/**
 * Why a field was rejected: a rule of this form, a card number check, or a code of the server.
 * The page words each one; a server code it does not know shows the server's own message.
 */
export type SignUpProblem =
  | 'required'
  | 'email_invalid'
  | 'phone_invalid'
  | 'contact_required'
  | 'password_too_short'
  | 'privacy_required'
  | CardNumberProblem
  | 'card_taken'
  | 'card_not_issued'
  | 'card_blocked'
  | 'email_taken'
  | 'phone_taken'
  | 'last_name_mismatch';

export type SignUpErrors = Partial<Record<SignUpField, SignUpProblem>>;

const SERVER_PROBLEMS: readonly string[] = [
  'card_taken',
  'card_not_issued',
  'card_blocked',
  'email_taken',
  'phone_taken',
  'last_name_mismatch',
  'card_not_digits',
  'card_wrong_length',
  'card_wrong_check_digit',
  'card_outside_chain',
] satisfies SignUpProblem[];

function contactProblems(values: SignUpValues): SignUpErrors {
  const errors: SignUpErrors = {};
  const email = values.email.trim();
  const phone = values.phone.trim();
  if (email === '' && phone === '') {
    // Without either, a forgotten password could not be reset.
    errors.email = 'contact_required';
    return errors;
  }
  if (email !== '' && !isPlausibleEmail(email)) errors.email = 'email_invalid';
  if (phone !== '' && !isPlausiblePhone(phone)) errors.phone = 'phone_invalid';
  return errors;
}

/** Checks the form before it is sent; returns the problem of each invalid field. */
export function validateSignUp(values: SignUpValues): SignUpErrors {
  const errors: SignUpErrors = { ...contactProblems(values) };
  if (values.first_name.trim() === '') errors.first_name = 'required';
  if (values.last_name.trim() === '') errors.last_name = 'required';
  if (values.password.length < MIN_PASSWORD_LENGTH) errors.password = 'password_too_short';
  const card = cardNumberProblem(values.card_number);
  if (card) errors.card_number = card;
  if (!values.privacy_accepted) errors.privacy_accepted = 'privacy_required';
  return errors;
}

/** Builds the request body: trimmed names and contacts, the card's digits only. */
export function toSignUpRequest(values: SignUpValues): SignUpValues {
  return {
    ...values,
    first_name: values.first_name.trim(),
    last_name: values.last_name.trim(),
    email: values.email.trim(),
    phone: values.phone.trim(),
    card_number: compactCardNumber(values.card_number),
  };
}

// The server's `reason` of an `invalid_field` that the page words itself.
const REASON_PROBLEMS: Record<string, SignUpProblem> = {
  blank: 'required',
  missing_contact: 'contact_required',
  invalid_email: 'email_invalid',
  invalid_phone: 'phone_invalid',
};

// The page's own wording of an `invalid_field` without a known reason. A rejected password keeps
// the server's message, which states the server's rule.
const INVALID_FIELD_PROBLEMS: Partial<Record<SignUpField, SignUpProblem>> = {
  first_name: 'required',
  last_name: 'required',
  email: 'email_invalid',
  phone: 'phone_invalid',
  privacy_accepted: 'privacy_required',
};

const FIELDS: readonly string[] = Object.keys(EMPTY_SIGN_UP);

function isSignUpField(name: string): name is SignUpField {
  return FIELDS.includes(name);
}

/** A rejected sign-up, placed on the field the server named. */
export interface SignUpServerError {
  field: SignUpField;
  /** A problem the page words itself, or null to show `message`. */
  problem: SignUpProblem | null;
  message: string;
}

/**
 * Maps the server's rejection to a field: an invalid card with its check in `reason`, a card
 * of another account, a last name that differs from the one on file, a taken e-mail or phone.
 * Null for an error that concerns the whole form.
 */
export function signUpServerError(error: unknown): SignUpServerError | null {
  const fieldError = fieldErrorOf(error);
  if (!fieldError || !isSignUpField(fieldError.field)) return null;
  const code = fieldError.reason ?? fieldError.code;
  let problem = SERVER_PROBLEMS.includes(code) ? (code as SignUpProblem) : null;
  problem ??= REASON_PROBLEMS[code] ?? null;
  if (problem === null && fieldError.code === 'invalid_field') {
    problem = INVALID_FIELD_PROBLEMS[fieldError.field] ?? null;
  }
  return { field: fieldError.field, problem, message: fieldError.message };
}
