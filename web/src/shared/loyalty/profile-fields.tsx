import type { ReactNode } from 'react';

import { useI18n } from '@/shared/i18n/i18n-context';
import { CheckboxField } from '@/shared/ui/checkbox-field';
import { TextField } from '@/shared/ui/text-field';

// The fields that the sign-up form and the customer's profile form share.

export interface ContactValues {
  email: string;
  phone: string;
}

/** Renders the e-mail and phone inputs with their errors. */
export function ContactFields({
  values,
  errors,
  onChange,
}: {
  values: ContactValues;
  errors: Partial<Record<keyof ContactValues, string | undefined>>;
  onChange: (field: keyof ContactValues, value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        label={t('signUp.email')}
        type="email"
        autoComplete="email"
        value={values.email}
        error={errors.email}
        onChange={(event) => onChange('email', event.target.value)}
      />
      <TextField
        label={t('signUp.phone')}
        help={t('signUp.phone.help')}
        type="tel"
        autoComplete="tel"
        value={values.phone}
        error={errors.phone}
        onChange={(event) => onChange('phone', event.target.value)}
      />
    </>
  );
}

export interface OptionalConsentValues {
  marketing_consent: boolean;
  profiling_consent: boolean;
}

/**
 * Renders the two optional consents, marketing and profiling, as separate checkboxes. `records`
 * adds when and under which notice each was given, after its description.
 */
export function OptionalConsentFields({
  values,
  onChange,
  records = {},
}: {
  values: OptionalConsentValues;
  onChange: (field: keyof OptionalConsentValues, checked: boolean) => void;
  records?: { marketing?: ReactNode; profiling?: ReactNode };
}) {
  const { t } = useI18n();
  return (
    <>
      <CheckboxField
        label={t('consent.marketing.label')}
        description={
          <>
            {t('consent.marketing.description')}
            {records.marketing}
          </>
        }
        checked={values.marketing_consent}
        onChange={(checked) => onChange('marketing_consent', checked)}
      />
      <CheckboxField
        label={t('consent.profiling.label')}
        description={
          <>
            {t('consent.profiling.description')}
            {records.profiling}
          </>
        }
        checked={values.profiling_consent}
        onChange={(checked) => onChange('profiling_consent', checked)}
      />
    </>
  );
}
