import type { FormEvent } from 'react';

import { isApiError } from '@/shared/api/api-error';
import { fieldErrorOf } from '@/shared/api/field-error';
import { useI18n } from '@/shared/i18n/i18n-context';
import { isIsoDate } from '@/shared/lib/calendar-date';
import { useFormFields, type FieldProblems } from '@/shared/lib/use-form-fields';
import { CheckboxField } from '@/shared/ui/checkbox-field';
import { SaveCancelActions } from '@/shared/ui/save-cancel-actions';
import { TextField } from '@/shared/ui/text-field';

import { useSaveReward } from '../api/rewards';
import type { AdminReward, RewardInput } from '../api/types';

type TextFieldName =
  | 'name'
  | 'description'
  | 'image_url'
  | 'category'
  | 'points_cost'
  | 'copay'
  | 'stock'
  | 'per_member_limit'
  | 'valid_from'
  | 'valid_to';

/** The form's values as typed: every field as text, and the active switch. */
export type RewardFormValues = Record<TextFieldName, string> & { active: boolean };
type Problems = FieldProblems<RewardFormValues>;

const WHOLE_NUMBER = /^\d+$/;
// Euros with at most two decimals, written with a point or a comma: 2, 2.5, 2,50.
const EUROS = /^\d+(?:[.,]\d{1,2})?$/;

export function formValuesOf(reward: AdminReward | null): RewardFormValues {
  const text = (value: string | number | null | undefined) =>
    value === null || value === undefined ? '' : String(value);
  return {
    name: reward?.name ?? '',
    description: reward?.description ?? '',
    image_url: reward?.image_url ?? '',
    category: reward?.category ?? '',
    points_cost: text(reward?.points_cost),
    copay: reward && reward.copay !== '0.00' ? reward.copay : '',
    stock: text(reward?.stock),
    per_member_limit: text(reward?.per_member_limit),
    valid_from: reward?.valid_from ?? '',
    valid_to: reward?.valid_to ?? '',
    active: reward?.active ?? true,
  };
}

/** Returns the reward the form describes, as the API takes it: empty optional fields are null. */
export function rewardInputOf(values: RewardFormValues): RewardInput {
  const optionalNumber = (text: string) => (text.trim() === '' ? null : Number(text.trim()));
  const optionalText = (text: string) => (text.trim() === '' ? null : text.trim());
  const copay = values.copay.trim().replace(',', '.');
  return {
    name: values.name.trim(),
    description: values.description.trim(),
    image_url: optionalText(values.image_url),
    category: values.category.trim(),
    points_cost: Number(values.points_cost.trim()),
    copay: copay === '' ? '0.00' : Number(copay).toFixed(2),
    stock: optionalNumber(values.stock),
    per_member_limit: optionalNumber(values.per_member_limit),
    valid_from: optionalText(values.valid_from),
    valid_to: optionalText(values.valid_to),
    active: values.active,
  };
}

/**
 * Returns the form field a rejection names: the shared mapping of field errors first, then the
 * `field` that the rewards routes put in their 4xx errors.
 */
function rejectedFieldOf(error: unknown): { field: string; message: string } | null {
  const known = fieldErrorOf(error);
  if (known) return known;
  if (isApiError(error) && error.status < 500 && error.field) {
    return { field: error.field, message: error.message };
  }
  return null;
}

function useValidate(): (values: RewardFormValues) => Problems {
  const { t } = useI18n();
  return (values) => {
    const problems: Problems = {};
    const trimmed = (name: TextFieldName) => values[name].trim();
    if (trimmed('name') === '') problems.name = t('form.required');
    const cost = trimmed('points_cost');
    if (!WHOLE_NUMBER.test(cost) || Number(cost) <= 0) {
      problems.points_cost = t('rewardForm.error.cost');
    }
    if (trimmed('copay') !== '' && !EUROS.test(trimmed('copay'))) {
      problems.copay = t('rewardForm.error.copay');
    }
    if (trimmed('stock') !== '' && !WHOLE_NUMBER.test(trimmed('stock'))) {
      problems.stock = t('rewardForm.error.stock');
    }
    const limit = trimmed('per_member_limit');
    if (limit !== '' && (!WHOLE_NUMBER.test(limit) || Number(limit) < 1)) {
      problems.per_member_limit = t('rewardForm.error.limit');
    }
    for (const name of ['valid_from', 'valid_to'] as const) {
      if (trimmed(name) !== '' && !isIsoDate(trimmed(name))) {
        problems[name] = t('member.birthDate.invalid');
      }
    }
    if (!problems.valid_from && !problems.valid_to && values.valid_from && values.valid_to) {
      if (values.valid_to < values.valid_from) problems.valid_to = t('rewardForm.error.validTo');
    }
    return problems;
  };
}

/** Creates a reward, or edits `reward`, with the same checks as the server before sending. */
export function RewardForm({ reward, onDone }: { reward: AdminReward | null; onDone: () => void }) {
  const { t } = useI18n();
  const save = useSaveReward(reward?.id ?? null);
  const validate = useValidate();
  const { values, setValues, problems, set, check, showRejection } = useFormFields(() =>
    formValuesOf(reward),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check(validate(values))) return;
    save.mutate(rewardInputOf(values), {
      onSuccess: onDone,
      onError: (error) => showRejection(rejectedFieldOf(error)),
    });
  };

  const field = (
    name: TextFieldName,
    label: string,
    extra: { type?: string; help?: string } = {},
  ) => (
    <TextField
      label={label}
      type={extra.type ?? 'text'}
      help={extra.help}
      value={values[name]}
      error={problems[name]}
      onChange={(event) => set(name, event.target.value)}
    />
  );

  const rejectedField = rejectedFieldOf(save.error)?.field;
  const rejectedElsewhere =
    save.isError && !(rejectedField !== undefined && rejectedField in values);
  return (
    <form
      className="member-edit"
      onSubmit={submit}
      noValidate
      aria-busy={save.isPending}
      aria-label={
        reward ? t('rewardForm.editTitle', { name: reward.name }) : t('rewardForm.newTitle')
      }
    >
      <div className="form-section--columns">
        {field('name', t('rewardForm.name'))}
        {field('category', t('rewardForm.category'))}
        {field('points_cost', t('rewardForm.pointsCost'), { type: 'number' })}
        {field('copay', t('rewardForm.copay'), { help: t('rewardForm.copay.help') })}
        {field('stock', t('rewardForm.stock'), { help: t('rewardForm.unlimited.help') })}
        {field('per_member_limit', t('rewardForm.limit'), { help: t('rewardForm.unlimited.help') })}
        {field('valid_from', t('rewardForm.validFrom'), { type: 'date' })}
        {field('valid_to', t('rewardForm.validTo'), { type: 'date' })}
        {field('image_url', t('rewardForm.imageUrl'), { type: 'url' })}
      </div>
      {field('description', t('rewardForm.description'))}
      <CheckboxField
        label={t('rewardForm.active')}
        description={t('rewardForm.active.help')}
        checked={values.active}
        onChange={(active) => setValues((current) => ({ ...current, active }))}
      />
      <SaveCancelActions
        saving={save.isPending}
        error={rejectedElsewhere ? save.error : null}
        onCancel={onDone}
      />
    </form>
  );
}
