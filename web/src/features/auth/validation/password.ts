// The password rule and the strength hint of the sign-up and reset pages.

/**
 * The shortest password the form sends, in characters: the server's own minimum, so that a
 * password the form accepts is not rejected for its length.
 */
export const MIN_PASSWORD_LENGTH = 10;

export type PasswordStrength = 'too_short' | 'weak' | 'fair' | 'strong';

const CHARACTER_CLASSES = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/];

function hasLongRun(password: string): boolean {
  // Three or more of the same character ("aaa") or of consecutive ones ("123", "abc").
  for (let index = 2; index < password.length; index += 1) {
    const [a, b, c] = [index - 2, index - 1, index].map((at) => password.charCodeAt(at));
    if (a === b && b === c) return true;
    if (b! - a! === 1 && c! - b! === 1) return true;
  }
  return false;
}

function containsPersonalText(password: string, personal: string[]): boolean {
  const lower = password.toLowerCase();
  return personal
    .map((text) => text.trim().toLowerCase())
    .filter((text) => text.length >= 3)
    .some((text) => lower.includes(text));
}

/**
 * Rates a password for the hint under the field. Length counts most; mixing letters, digits and
 * symbols helps; runs like "123" and the user's own name, e-mail or card number weigh it down.
 * A hint only: it never blocks a password of the minimum length.
 */
export function passwordStrength(password: string, personal: string[] = []): PasswordStrength {
  if (password.length < MIN_PASSWORD_LENGTH) return 'too_short';
  const classes = CHARACTER_CLASSES.filter((pattern) => pattern.test(password)).length;
  let score = classes - 1;
  if (password.length >= 12) score += 1;
  if (password.length >= 16) score += 1;
  if (hasLongRun(password)) score -= 1;
  if (containsPersonalText(password, personal)) score -= 2;
  if (score >= 3) return 'strong';
  if (score >= 1) return 'fair';
  return 'weak';
}
