import { useState } from 'react';

import { useI18n } from '@/shared/i18n/i18n-context';
import { cardNumberProblem, compactCardNumber, type CardNumberProblem } from '@/shared/lib/ean13';

import { TextField } from './text-field';

const PROBLEMS: readonly string[] = [
  'card_not_digits',
  'card_wrong_length',
  'card_wrong_check_digit',
  'card_outside_chain',
] satisfies CardNumberProblem[];

export function isCardNumberProblem(code: string | undefined): code is CardNumberProblem {
  return code !== undefined && PROBLEMS.includes(code);
}

/** Returns a function that words a card number problem in the user's language. */
export function useCardProblemMessage(): (problem: CardNumberProblem) => string {
  const { t } = useI18n();
  return (problem) => t(`cardNumber.${problem}`);
}

/**
 * Renders a card number input checked as the user types: a character that is not a digit and
 * a wrong check digit show at once, a number that is too short once the field is left. `error`
 * (from the form or the server) takes precedence over the live check.
 */
export function CardNumberField({
  label,
  help,
  value,
  onChange,
  error,
  required,
}: {
  label: string;
  help?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null | undefined;
  required?: boolean;
}) {
  const { t } = useI18n();
  const messageOf = useCardProblemMessage();
  const [left, setLeft] = useState(false);
  const problem = cardNumberProblem(value, left);
  const liveError = problem && value.trim() !== '' ? messageOf(problem) : null;
  const valid = compactCardNumber(value).length > 0 && cardNumberProblem(value) === null;
  return (
    <TextField
      label={label}
      help={valid && !error ? `✓ ${t('cardNumber.valid')}` : help}
      value={value}
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      maxLength={20}
      required={required}
      error={error ?? liveError}
      onBlur={() => setLeft(true)}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
