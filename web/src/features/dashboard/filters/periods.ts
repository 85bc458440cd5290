import {
  addDays,
  addMonths,
  endOfMonth,
  startOfMonth,
  startOfQuarter,
  startOfYear,
} from '@/shared/lib/calendar-date';

/** The period presets of the filter bar; "custom" takes its days from the URL. */
export const PERIOD_PRESETS = [
  'last_7_days',
  'last_30_days',
  'this_month',
  'last_month',
  'this_quarter',
  'this_year',
  'last_12_months',
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export type Period = PeriodPreset | 'custom';

export const DEFAULT_PERIOD: PeriodPreset = 'last_30_days';

export interface DateRange {
  from: string;
  to: string;
}

export function isPeriodPreset(value: unknown): value is PeriodPreset {
  return typeof value === 'string' && (PERIOD_PRESETS as readonly string[]).includes(value);
}

/**
 * Resolves a preset to its days. Presets count back from `anchor`, the last day with sales,
 * not from today: an export loaded last week still shows a full "last 7 days". "This month",
 * "this quarter" and "this year" run from their first day through the anchor.
 */
export function resolvePreset(preset: PeriodPreset, anchor: string): DateRange {
  switch (preset) {
    case 'last_7_days':
      return { from: addDays(anchor, -6), to: anchor };
    case 'last_30_days':
      return { from: addDays(anchor, -29), to: anchor };
    case 'this_month':
      return { from: startOfMonth(anchor), to: anchor };
    case 'last_month': {
      const previousMonth = addMonths(startOfMonth(anchor), -1);
      return { from: previousMonth, to: endOfMonth(previousMonth) };
    }
    case 'this_quarter':
      return { from: startOfQuarter(anchor), to: anchor };
    case 'this_year':
      return { from: startOfYear(anchor), to: anchor };
    case 'last_12_months':
      // The year that ends on the anchor: 2025-11-16 through 2026-11-15.
      return { from: addDays(addMonths(anchor, -12), 1), to: anchor };
  }
}
