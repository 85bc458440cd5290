import { describe, expect, it } from 'vitest';

import { cardNumberProblem, compactCardNumber, ean13CheckDigit, groupCardNumber } from './ean13';

describe('ean13CheckDigit', () => {
  it.each([
    // Worked by hand: weights 1,3,1,3... from the left, then up to the next multiple of 10.
    ['299100000001', 6],
    ['400638133393', 1],
    ['590123412345', 7],
    ['200000000000', 8],
  ])('computes the check digit of %s', (digits, expected) => {
    expect(ean13CheckDigit(digits)).toBe(expected);
  });

  it('rejects anything but 12 digits', () => {
    expect(() => ean13CheckDigit('29910000000')).toThrow(RangeError);
    expect(() => ean13CheckDigit('29910000000a')).toThrow(RangeError);
  });
});

describe('cardNumberProblem', () => {
  it.each([
    ['2991000000016', null],
    ['2991 0000 0001 6', null],
    [' 2991000000016 ', null],
    ['2991000000017', 'card_wrong_check_digit'],
    ['299100000001', 'card_wrong_length'],
    ['29910000000160', 'card_wrong_length'],
    ['', 'card_wrong_length'],
    ['2991-0000-0001-6', 'card_not_digits'],
    ['299100000001x', 'card_not_digits'],
    ['4006381333931', 'card_outside_chain'],
  ])('checks %j as %s', (text, expected) => {
    expect(cardNumberProblem(text)).toBe(expected);
  });

  it('waits for all 13 digits while the user types', () => {
    expect(cardNumberProblem('2991', false)).toBeNull();
    expect(cardNumberProblem('', false)).toBeNull();
    expect(cardNumberProblem('29a', false)).toBe('card_not_digits');
    expect(cardNumberProblem('2991000000017', false)).toBe('card_wrong_check_digit');
  });
});

describe('card number text', () => {
  it('drops inner spaces', () => {
    expect(compactCardNumber(' 2991 0000\t0001 6 ')).toBe('2991000000016');
  });

  it('groups digits by four', () => {
    expect(groupCardNumber('2991000000016')).toBe('2991 0000 0001 6');
    expect(groupCardNumber('2991 000')).toBe('2991 000');
  });
});
