import { useState, type FormEvent, type ReactNode } from 'react';

import { useI18n } from '@/shared/i18n/i18n-context';
import { isIsoDate } from '@/shared/lib/calendar-date';
import { TextField } from '@/shared/ui/text-field';

import type { SummaryPeriod } from '../api/summary';

/**
 * Renders a from–to form of two days, both included. It calls `onSubmit` only when both are
 * days and `from` is not after `to`, and otherwise shows the range error under `to`.
 */
export function PeriodForm({
  initial,
  onSubmit,
  busy = false,
  children,
}: {
  initial: SummaryPeriod;
  onSubmit: (period: SummaryPeriod) => void;
  /** Disables the submit button while a request runs. */
  busy?: boolean;
  /** The label of the submit button. */
  children: ReactNode;
}) {
  const { t } = useI18n();
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const valid = isIsoDate(from) && isIsoDate(to) && from <= to;
    setInvalid(!valid);
    if (valid) onSubmit({ from, to });
  };
  return (
    <form className="filter-bar" onSubmit={submit} noValidate>
      <TextField
        label={t('filters.from')}
        type="date"
        value={from}
        onChange={(e) => setFrom(e.target.value)}
      />
      <TextField
        label={t('filters.to')}
        type="date"
        value={to}
        onChange={(e) => setTo(e.target.value)}
        error={invalid ? t('filters.rangeInvalid') : null}
      />
      <button type="submit" className="button" disabled={busy}>
        {children}
      </button>
    </form>
  );
}
