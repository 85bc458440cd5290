import { describe, expect, it } from 'vitest';

import { ApiError } from '@/shared/api/api-error';

import { passwordStrength } from './password';
import {
  EMPTY_SIGN_UP,
  signUpServerError,
  toSignUpRequest,
  validateSignUp,
  type SignUpValues,
} from './sign-up-form';

const valid: SignUpValues = {
  ...EMPTY_SIGN_UP,
  first_name: 'Maria',
  last_name: 'Rossi',
  email: 'maria.rossi@example.it',
  phone: '347 123 4567',
  password: 'girasole-di-marzo',
  card_number: '2991 0000 0001 6',
  privacy_accepted: true,
};

function rejection(status: number, code: string, extra: Partial<ApiError> = {}) {
  return new ApiError({ status, code, message: `server says ${code}`, ...extra });
}

describe('validateSignUp', () => {
  it('accepts a complete form', () => {
    expect(validateSignUp(valid)).toEqual({});
  });

  it('rejects blank names', () => {
    const errors = validateSignUp({ ...valid, first_name: '  ', last_name: '\t' });
    expect(errors.first_name).toBe('required');
    expect(errors.last_name).toBe('required');
  });

  it('asks for an e-mail or a phone', () => {
    expect(validateSignUp({ ...valid, email: '', phone: ' ' }).email).toBe('contact_required');
    expect(validateSignUp({ ...valid, email: '' })).toEqual({});
    expect(validateSignUp({ ...valid, phone: '' })).toEqual({});
  });

  it('rejects malformed contacts', () => {
    const errors = validateSignUp({ ...valid, email: 'maria@rossi', phone: '12ab' });
    expect(errors.email).toBe('email_invalid');
    expect(errors.phone).toBe('phone_invalid');
  });

  it('accepts common phone forms', () => {
    for (const phone of ['+39 347.123.4567', '0039 3471234567', '(02) 1234-5678']) {
      expect(validateSignUp({ ...valid, phone }).phone).toBeUndefined();
    }
  });

  it('names the card number problem', () => {
    expect(validateSignUp({ ...valid, card_number: '2991000000017' }).card_number).toBe(
      'card_wrong_check_digit',
    );
    expect(validateSignUp({ ...valid, card_number: '' }).card_number).toBe('card_wrong_length');
  });

  it('requires a long password and the privacy acceptance', () => {
    const errors = validateSignUp({ ...valid, password: 'short', privacy_accepted: false });
    expect(errors.password).toBe('password_too_short');
    expect(errors.privacy_accepted).toBe('privacy_required');
  });

  it('leaves the optional consents optional', () => {
    expect(
      validateSignUp({ ...valid, marketing_consent: false, profiling_consent: false }),
    ).toEqual({});
  });
});

describe('toSignUpRequest', () => {
  it('trims text and compacts the card number', () => {
    const request = toSignUpRequest({ ...valid, first_name: ' Maria ', email: ' m@x.it ' });
    expect(request.first_name).toBe('Maria');
    expect(request.email).toBe('m@x.it');
    expect(request.card_number).toBe('2991000000016');
    expect(request.password).toBe(valid.password);
  });
});

describe('signUpServerError', () => {
  it('puts conflicts on their field', () => {
    expect(signUpServerError(rejection(409, 'card_taken'))).toMatchObject({
      field: 'card_number',
      problem: 'card_taken',
    });
    expect(signUpServerError(rejection(409, 'email_taken'))?.field).toBe('email');
    expect(signUpServerError(rejection(409, 'phone_taken'))?.field).toBe('phone');
  });

  it('puts a last-name mismatch on the last name', () => {
    expect(signUpServerError(rejection(422, 'last_name_mismatch'))).toMatchObject({
      field: 'last_name',
      problem: 'last_name_mismatch',
    });
  });

  it('reads the card check from the reason', () => {
    const error = rejection(400, 'invalid_field', {
      field: 'card_number',
      reason: 'card_outside_chain',
    });
    expect(signUpServerError(error)).toMatchObject({
      field: 'card_number',
      problem: 'card_outside_chain',
    });
  });

  it('words the reasons of invalid fields', () => {
    const blank = rejection(400, 'invalid_field', { field: 'last_name', reason: 'blank' });
    expect(signUpServerError(blank)?.problem).toBe('required');
    const contact = rejection(400, 'invalid_field', { field: 'email', reason: 'missing_contact' });
    expect(signUpServerError(contact)?.problem).toBe('contact_required');
    const privacy = rejection(400, 'invalid_field', { field: 'privacy_accepted' });
    expect(signUpServerError(privacy)?.problem).toBe('privacy_required');
  });

  it("keeps the server's password rule", () => {
    const weak = rejection(400, 'invalid_field', { field: 'password', reason: 'weak_password' });
    expect(signUpServerError(weak)).toEqual({
      field: 'password',
      problem: null,
      message: 'server says invalid_field',
    });
  });

  it('leaves errors of the whole form alone', () => {
    expect(signUpServerError(rejection(500, 'internal'))).toBeNull();
    expect(signUpServerError(rejection(429, 'too_many_attempts'))).toBeNull();
    expect(signUpServerError(new Error('boom'))).toBeNull();
    expect(
      signUpServerError(rejection(400, 'invalid_field', { field: 'unknown_field' })),
    ).toBeNull();
  });
});

describe('passwordStrength', () => {
  it.each([
    ['corta', 'too_short'],
    ['aaaaaaaaaa', 'weak'],
    ['girasoledimarzo', 'fair'],
    ['Girasole-di-Marzo-77', 'strong'],
  ])('rates %s as %s', (password, expected) => {
    expect(passwordStrength(password)).toBe(expected);
  });

  it('weighs down personal text', () => {
    expect(passwordStrength('Rossi-Maria-24', ['Rossi'])).toBe('fair');
    expect(passwordStrength('Rossi-Maria-24')).toBe('strong');
  });
});
