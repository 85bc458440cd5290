// Checks of e-mail addresses and phone numbers before they are sent. The server normalises both
// (lower-case e-mails, E.164 phones) and has the last word; these checks only catch typing
// mistakes early.

// One @, no spaces, and a dot in the domain: what browsers' own type="email" check accepts,
// minus addresses without a top-level domain, which no mail system delivers to.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

// Digits with the separators people write: spaces, dots, dashes, slashes and brackets.
const PHONE_SEPARATORS = /[\s.\-/()]/g;

export function isPlausibleEmail(text: string): boolean {
  return EMAIL.test(text.trim());
}

/**
 * True for a phone number in a common form: "347 123 4567", "+39 347.123.4567",
 * "0039 3471234567". E.164 allows at most 15 digits; 6 is the shortest Italian number.
 */
export function isPlausiblePhone(text: string): boolean {
  const compact = text.trim().replace(PHONE_SEPARATORS, '');
  return /^(\+|00)?\d{6,15}$/.test(compact);
}
