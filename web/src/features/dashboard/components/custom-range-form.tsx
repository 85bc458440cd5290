import { useEffect, useId, useState, type FormEvent } from 'react';

import { useI18n } from '@/shared/i18n/i18n-context';
import { isIsoDate } from '@/shared/lib/calendar-date';

import type { DateRange } from '../filters/periods';

interface DateInputProps {
  label: string;
  value: string;
  bounds: { min?: string; max?: string };
  /** The id of the error message, present while the range is invalid. */
  errorId: string | undefined;
  onChange: (value: string) => void;
}

function DateInput({ label, value, bounds, errorId, onChange }: DateInputProps) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        type="date"
        value={value}
        min={bounds.min || undefined}
        max={bounds.max || undefined}
        required
        aria-invalid={errorId !== undefined}
        aria-describedby={errorId}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}

/** Two days, both included; applied only when both are real days in order. */
export function CustomRangeForm({
  range,
  onApply,
}: {
  range: DateRange;
  onApply: (range: DateRange) => void;
}) {
  const { t } = useI18n();
  const errorId = useId();
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  useEffect(() => {
    setFrom(range.from);
    setTo(range.to);
  }, [range.from, range.to]);

  const valid = isIsoDate(from) && isIsoDate(to) && from <= to;
  const invalidId = valid ? undefined : errorId;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) onApply({ from, to });
  };

  return (
    <form className="custom-range" onSubmit={submit} noValidate>
      <DateInput
        label={t('filters.from')}
        value={from}
        bounds={{ max: to }}
        errorId={invalidId}
        onChange={setFrom}
      />
      <DateInput
        label={t('filters.to')}
        value={to}
        bounds={{ min: from }}
        errorId={invalidId}
        onChange={setTo}
      />
      <button type="submit" className="button button--secondary" disabled={!valid}>
        {t('filters.apply')}
      </button>
      {!valid && (
        <p className="field__error" id={errorId} role="alert">
          {t('filters.rangeInvalid')}
        </p>
      )}
    </form>
  );
}
