import { useState, type FormEvent } from 'react';

import { fieldErrorOf } from '@/shared/api/field-error';
import { useI18n } from '@/shared/i18n/i18n-context';
import { isPlausibleEmail, isPlausiblePhone } from '@/shared/lib/contact';
import { ContactFields, OptionalConsentFields } from '@/shared/loyalty/profile-fields';
import type { Consent, Member } from '@/shared/loyalty/types';
import { ErrorState } from '@/shared/ui/states';

import { useUpdateMe, type MemberSelfUpdate } from '../api/me';

interface ProfileValues {
  email: string;
  phone: string;
  marketing_consent: boolean;
  profiling_consent: boolean;
}

function valuesOf(member: Member): ProfileValues {
  return {
    email: member.email ?? '',
    phone: member.phone ?? '',
    marketing_consent: member.consents?.marketing.granted ?? false,
    profiling_consent: member.consents?.profiling.granted ?? false,
  };
}

/** Returns only what changed, so the server records a consent only when it really changed. */
export function profileChanges(before: ProfileValues, after: ProfileValues): MemberSelfUpdate {
  const changes: MemberSelfUpdate = {};
  if (after.email.trim() !== before.email) changes.email = after.email.trim();
  if (after.phone.trim() !== before.phone) changes.phone = after.phone.trim();
  if (after.marketing_consent !== before.marketing_consent) {
    changes.marketing_consent = after.marketing_consent;
  }
  if (after.profiling_consent !== before.profiling_consent) {
    changes.profiling_consent = after.profiling_consent;
  }
  return changes;
}

function ConsentRecord({ consent }: { consent: Consent | undefined }) {
  const { t, format } = useI18n();
  if (!consent?.at) return null;
  return (
    <>
      {' '}
      {t('consent.recorded', {
        at: format.dateTime(consent.at),
        version: consent.notice_version ?? format.notAvailable(),
      })}
    </>
  );
}

type Field = keyof ProfileValues;

/** Edits the customer's contacts and optional consents with PATCH /me. */
export function ProfileForm({ member }: { member: Member }) {
  const { t } = useI18n();
  const update = useUpdateMe();
  const [values, setValues] = useState<ProfileValues>(() => valuesOf(member));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [saved, setSaved] = useState(false);

  const set = <F extends Field>(field: F, value: ProfileValues[F]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
    setSaved(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (values.email.trim() !== '' && !isPlausibleEmail(values.email)) {
      found.email = t('signUp.error.email_invalid');
    }
    if (values.phone.trim() !== '' && !isPlausiblePhone(values.phone)) {
      found.phone = t('signUp.error.phone_invalid');
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const changes = profileChanges(valuesOf(member), values);
    if (Object.keys(changes).length === 0) {
      setSaved(true);
      return;
    }
    update.mutate(changes, {
      onSuccess: (next) => {
        setValues(valuesOf(next));
        setSaved(true);
      },
      onError: (error) => {
        const rejected = fieldErrorOf(error);
        if (rejected && rejected.field in values) {
          let message = rejected.message;
          if (rejected.code === 'email_taken') message = t('signUp.error.email_taken');
          if (rejected.code === 'phone_taken') message = t('signUp.error.phone_taken');
          setErrors({ [rejected.field]: message });
        }
      },
    });
  };

  const formError = update.isError && !fieldErrorOf(update.error) ? update.error : null;

  return (
    <form className="profile-form" onSubmit={submit} noValidate aria-busy={update.isPending}>
      <fieldset className="form-section form-section--columns">
        <legend>{t('profile.contacts')}</legend>
        <ContactFields values={values} errors={errors} onChange={set} />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('profile.consents')}</legend>
        <p className="field__help">
          {t('consent.privacy.given')}
          <ConsentRecord consent={member.consents?.privacy} />
        </p>
        <OptionalConsentFields
          values={values}
          onChange={set}
          records={{
            marketing: <ConsentRecord consent={member.consents?.marketing} />,
            profiling: <ConsentRecord consent={member.consents?.profiling} />,
          }}
        />
      </fieldset>
      {formError && <ErrorState error={formError} title={t('profile.saveFailed')} />}
      <div className="form-actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {t('profile.save')}
        </button>
        {saved && (
          <span role="status" className="tone--good">
            {t('profile.saved')}
          </span>
        )}
      </div>
    </form>
  );
}
