// Loyalty card numbers: EAN-13 codes in GS1's restricted-circulation range 200-299, which a
// company numbers for use inside its own business. The server also checks the chain's own
// prefix, which is configurable, so the browser checks only what holds for every chain.

/** The problems a card number can have, named as the server names them. */
export type CardNumberProblem =
  'card_not_digits' | 'card_wrong_length' | 'card_wrong_check_digit' | 'card_outside_chain';

export const CARD_NUMBER_LENGTH = 13;

/** Removes the spaces people type or copy inside a number ("2991 0000 0001 6"). */
export function compactCardNumber(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * Returns the GS1 mod-10 check digit of 12 digits: from the left, odd positions weigh 1 and
 * even ones 3, and the check digit brings the sum to a multiple of 10.
 */
export function ean13CheckDigit(twelveDigits: string): number {
  if (!/^\d{12}$/.test(twelveDigits)) {
    throw new RangeError(`expected 12 digits, got "${twelveDigits}"`);
  }
  let sum = 0;
  for (let index = 0; index < 12; index += 1) {
    sum += Number(twelveDigits[index]) * (index % 2 === 0 ? 1 : 3);
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Checks a card number as typed. With `complete` false (while the user is still typing) a
 * number shorter than 13 digits is not yet an error. Returns null for a number that may be a
 * card of the chain.
 */
export function cardNumberProblem(text: string, complete = true): CardNumberProblem | null {
  const digits = compactCardNumber(text);
  if (!/^\d*$/.test(digits)) return 'card_not_digits';
  if (digits.length > CARD_NUMBER_LENGTH) return 'card_wrong_length';
  if (digits.length < CARD_NUMBER_LENGTH) {
    return complete ? 'card_wrong_length' : null;
  }
  if (ean13CheckDigit(digits.slice(0, 12)) !== Number(digits[12])) return 'card_wrong_check_digit';
  if (digits[0] !== '2') return 'card_outside_chain';
  return null;
}

/** Writes 13 digits in groups that are easy to read aloud and type: "2991 0000 0001 6". */
export function groupCardNumber(number: string): string {
  const digits = compactCardNumber(number);
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}
