import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';

import type { Account } from '@/shared/auth/account';
import { useI18n } from '@/shared/i18n/i18n-context';
import {
  isCardNumberProblem,
  useCardProblemMessage,
  CardNumberField,
} from '@/shared/ui/card-number-field';
import { ContactFields, OptionalConsentFields } from '@/shared/loyalty/profile-fields';
import { CheckboxField } from '@/shared/ui/checkbox-field';
import { ErrorState } from '@/shared/ui/states';
import { TextField } from '@/shared/ui/text-field';

import { useSignUp } from '../api/sign-in';
import { MIN_PASSWORD_LENGTH } from '../validation/password';
import {
  EMPTY_SIGN_UP,
  signUpServerError,
  toSignUpRequest,
  validateSignUp,
  type SignUpField,
  type SignUpProblem,
  type SignUpValues,
} from '../validation/sign-up-form';
import { PasswordStrengthHint } from './password-strength';

type Messages = Partial<Record<SignUpField, string>>;

function useProblemMessage(): (problem: SignUpProblem) => string {
  const { t } = useI18n();
  const cardMessage = useCardProblemMessage();
  return (problem) =>
    isCardNumberProblem(problem)
      ? cardMessage(problem)
      : t(`signUp.error.${problem}`, { min: MIN_PASSWORD_LENGTH });
}

/** Moves focus to the first field marked invalid, after the errors have rendered. */
function useFocusFirstInvalid(trigger: number) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (trigger === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [trigger]);
  return formRef;
}

/**
 * Signs up a card holder: names, contacts, password, card number and consents. Rules the browser
 * can check are checked before sending; the server's rejections (a card of another account, a
 * last name that differs from the one on file) come back on their own field.
 */
export function SignUpForm({ onSignedUp }: { onSignedUp: (account: Account) => void }) {
  const { t } = useI18n();
  const signUp = useSignUp();
  const problemMessage = useProblemMessage();
  const [values, setValues] = useState<SignUpValues>(EMPTY_SIGN_UP);
  const [messages, setMessages] = useState<Messages>({});
  const [attempt, setAttempt] = useState(0);
  const formRef = useFocusFirstInvalid(attempt);

  const set = <F extends SignUpField>(field: F, value: SignUpValues[F]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setMessages((current) => ({ ...current, [field]: undefined }));
  };

  const showProblems = (problems: Partial<Record<SignUpField, SignUpProblem>>) => {
    const next: Messages = {};
    for (const [field, problem] of Object.entries(problems)) {
      next[field as SignUpField] = problemMessage(problem);
    }
    setMessages(next);
    setAttempt((count) => count + 1);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = validateSignUp(values);
    if (Object.keys(problems).length > 0) {
      showProblems(problems);
      return;
    }
    signUp.mutate(toSignUpRequest(values), {
      onSuccess: onSignedUp,
      onError: (error) => {
        const rejected = signUpServerError(error);
        if (!rejected) return;
        const message = rejected.problem ? problemMessage(rejected.problem) : rejected.message;
        setMessages({ [rejected.field]: message });
        setAttempt((count) => count + 1);
      },
    });
  };

  const formError = signUp.isError && !signUpServerError(signUp.error) ? signUp.error : null;
  const personal = [
    values.first_name,
    values.last_name,
    values.email.split('@')[0] ?? '',
    values.card_number,
  ];

  return (
    <form
      ref={formRef}
      className="auth-form auth-form--wide"
      onSubmit={submit}
      noValidate
      aria-busy={signUp.isPending}
    >
      <fieldset className="form-section">
        <legend>{t('signUp.section.card')}</legend>
        <CardNumberField
          label={t('signUp.cardNumber')}
          help={t('signUp.cardNumber.help')}
          value={values.card_number}
          onChange={(value) => set('card_number', value)}
          error={messages.card_number}
          required
        />
      </fieldset>
      <fieldset className="form-section form-section--columns">
        <legend>{t('signUp.section.person')}</legend>
        <TextField
          label={t('signUp.firstName')}
          autoComplete="given-name"
          required
          value={values.first_name}
          error={messages.first_name}
          onChange={(event) => set('first_name', event.target.value)}
        />
        <TextField
          label={t('signUp.lastName')}
          help={t('signUp.lastName.help')}
          autoComplete="family-name"
          required
          value={values.last_name}
          error={messages.last_name}
          onChange={(event) => set('last_name', event.target.value)}
        />
        <ContactFields values={values} errors={messages} onChange={set} />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('signUp.section.password')}</legend>
        <TextField
          label={t('signUp.password')}
          type="password"
          autoComplete="new-password"
          required
          value={values.password}
          help={<PasswordStrengthHint password={values.password} personal={personal} />}
          error={messages.password}
          onChange={(event) => set('password', event.target.value)}
        />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('signUp.section.consents')}</legend>
        <CheckboxField
          label={t('consent.privacy.accept')}
          description={t('consent.privacy.description')}
          checked={values.privacy_accepted}
          required
          error={messages.privacy_accepted}
          onChange={(checked) => set('privacy_accepted', checked)}
        />
        <OptionalConsentFields values={values} onChange={set} />
      </fieldset>
      {formError && <ErrorState error={formError} title={t('signUp.failed')} />}
      <button type="submit" className="button button--block" disabled={signUp.isPending}>
        {signUp.isPending ? t('signUp.submitting') : t('signUp.submit')}
      </button>
      <p className="auth-form__links">
        <Link to="/sign-in">{t('signUp.haveAccount')}</Link>
      </p>
    </form>
  );
}
