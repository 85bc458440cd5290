import type { FormEvent } from 'react';

import { fieldErrorOf } from '@/shared/api/field-error';
import { storeLabel, type Store } from '@/shared/api/stores';
import { useI18n } from '@/shared/i18n/i18n-context';
import { isIsoDate } from '@/shared/lib/calendar-date';
import { isPlausibleEmail, isPlausiblePhone } from '@/shared/lib/contact';
import { useFormFields, type FieldProblems } from '@/shared/lib/use-form-fields';
import { MEMBER_STATUSES, type Member, type MemberStatus } from '@/shared/loyalty/types';
import { SaveCancelActions } from '@/shared/ui/save-cancel-actions';
import { TextField } from '@/shared/ui/text-field';

import { useUpdateMember } from '../api/members';
import type { MemberUpdate } from '../api/types';

type EditValues = Required<MemberUpdate>;
type Field = keyof EditValues;
type Problems = FieldProblems<EditValues>;

export function editValuesOf(member: Member): EditValues {
  return {
    first_name: member.first_name,
    last_name: member.last_name,
    email: member.email ?? '',
    phone: member.phone ?? '',
    birth_date: member.birth_date ?? '',
    home_store: member.home_store ?? '',
    status: member.status,
  };
}

/** Returns the fields that differ, trimmed: the audit entry then lists only real changes. */
export function memberChanges(before: EditValues, after: EditValues): MemberUpdate {
  const changes: Record<string, string> = {};
  for (const field of Object.keys(before) as Field[]) {
    const value = after[field].trim();
    if (value !== before[field]) changes[field] = value;
  }
  return changes as MemberUpdate;
}

function useValidate(): (values: EditValues) => Problems {
  const { t } = useI18n();
  return (values) => {
    const problems: Problems = {};
    if (values.first_name.trim() === '') problems.first_name = t('signUp.error.required');
    if (values.last_name.trim() === '') problems.last_name = t('signUp.error.required');
    if (values.email.trim() !== '' && !isPlausibleEmail(values.email)) {
      problems.email = t('signUp.error.email_invalid');
    }
    if (values.phone.trim() !== '' && !isPlausiblePhone(values.phone)) {
      problems.phone = t('signUp.error.phone_invalid');
    }
    if (values.birth_date !== '' && !isIsoDate(values.birth_date)) {
      problems.birth_date = t('member.birthDate.invalid');
    }
    return problems;
  };
}

/** Edits a member's names, contacts, birth date, home store and status; the server audits it. */
export function MemberEditForm({
  member,
  stores,
  onDone,
}: {
  member: Member;
  stores: Store[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const update = useUpdateMember(member.id);
  const validate = useValidate();
  const { values, problems, set, check, showRejection } = useFormFields<EditValues>(() =>
    editValuesOf(member),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check(validate(values))) return;
    const changes = memberChanges(editValuesOf(member), values);
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    update.mutate(changes, {
      onSuccess: onDone,
      onError: (error) => showRejection(fieldErrorOf(error)),
    });
  };

  const field = (name: Field, label: string, type = 'text') => (
    <TextField
      label={label}
      type={type}
      value={values[name]}
      error={problems[name]}
      onChange={(event) => set(name, event.target.value)}
    />
  );
  const storeChoices = stores.some((store) => store.code === values.home_store)
    ? stores
    : [{ code: values.home_store, name: values.home_store }, ...stores];

  return (
    <form className="member-edit" onSubmit={submit} noValidate aria-busy={update.isPending}>
      <div className="form-section--columns">
        {field('first_name', t('member.firstName'))}
        {field('last_name', t('member.lastName'))}
        {field('email', t('member.email'), 'email')}
        {field('phone', t('member.phone'), 'tel')}
        {field('birth_date', t('member.birthDate'), 'date')}
        <label className="field">
          <span className="field__label">{t('member.homeStore')}</span>
          <select
            value={values.home_store}
            onChange={(event) => set('home_store', event.target.value)}
          >
            {storeChoices.map((store) => (
              <option key={store.code} value={store.code}>
                {store.code ? storeLabel(store) : t('member.noStore')}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('member.status')}</span>
          <select
            value={values.status}
            onChange={(event) => set('status', event.target.value as MemberStatus)}
          >
            {MEMBER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`memberStatus.${status}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <SaveCancelActions
        saving={update.isPending}
        error={update.isError && !fieldErrorOf(update.error) ? update.error : null}
        onCancel={onDone}
      />
    </form>
  );
}
