import { isIsoDate } from '@/shared/lib/calendar-date';

import {
  DEFAULT_PERIOD,
  isPeriodPreset,
  resolvePreset,
  type DateRange,
  type Period,
} from './periods';

/**
 * The dashboard's whole filter state. It lives in the page URL, so a view can be shared and
 * the browser's back and forward buttons step through filter changes.
 */
export interface DashboardFilters {
  period: Period;
  /** The days of a custom period; unused for presets. */
  custom: DateRange | null;
  stores: string[];
  departments: string[];
  cardsOnly: boolean;
  promoOnly: boolean;
}

export const DEFAULT_FILTERS: DashboardFilters = {
  period: DEFAULT_PERIOD,
  custom: null,
  stores: [],
  departments: [],
  cardsOnly: false,
  promoOnly: false,
};

// The URL uses the API's own parameter names, so a shared link reads like the request behind it.
const PARAM = {
  period: 'period',
  from: 'from',
  to: 'to',
  store: 'store',
  department: 'department',
  cardsOnly: 'cards_only',
  promoOnly: 'promo_only',
} as const;

function uniqueNonEmpty(values: string[]): string[] {
  return [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))];
}

function parseCustomRange(params: URLSearchParams): DateRange | null {
  const from = params.get(PARAM.from) ?? '';
  const to = params.get(PARAM.to) ?? '';
  if (!isIsoDate(from) || !isIsoDate(to) || from > to) return null;
  return { from, to };
}

/**
 * Reads the filters from a URL query. Values that cannot be understood (an unknown preset, a
 * malformed day, `from` after `to`) fall back to the defaults instead of breaking the page.
 */
export function parseFilters(params: URLSearchParams): DashboardFilters {
  const custom = parseCustomRange(params);
  const requested = params.get(PARAM.period);
  let period: Period = DEFAULT_PERIOD;
  if (custom && (requested === null || requested === 'custom')) period = 'custom';
  else if (isPeriodPreset(requested)) period = requested;

  return {
    period,
    custom: period === 'custom' ? custom : null,
    stores: uniqueNonEmpty(params.getAll(PARAM.store)),
    departments: uniqueNonEmpty(params.getAll(PARAM.department)),
    cardsOnly: params.get(PARAM.cardsOnly) === 'true',
    promoOnly: params.get(PARAM.promoOnly) === 'true',
  };
}

/** Writes the filters as a URL query, leaving out every value that equals its default. */
export function serializeFilters(filters: DashboardFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.period === 'custom' && filters.custom) {
    params.set(PARAM.from, filters.custom.from);
    params.set(PARAM.to, filters.custom.to);
  } else if (filters.period !== DEFAULT_PERIOD && filters.period !== 'custom') {
    params.set(PARAM.period, filters.period);
  }
  for (const store of filters.stores) params.append(PARAM.store, store);
  for (const department of filters.departments) params.append(PARAM.department, department);
  if (filters.cardsOnly) params.set(PARAM.cardsOnly, 'true');
  if (filters.promoOnly) params.set(PARAM.promoOnly, 'true');
  return params;
}

/** Returns the days the filters cover; presets count back from `anchor`, the last day with sales. */
export function resolveRange(filters: DashboardFilters, anchor: string): DateRange {
  if (filters.period === 'custom' && filters.custom) return filters.custom;
  return resolvePreset(filters.period === 'custom' ? DEFAULT_PERIOD : filters.period, anchor);
}

/** The sales filter parameters of the analytics routes, for the given days. */
export interface SalesQuery {
  from: string;
  to: string;
  store: string[];
  department: string[];
  cards_only: boolean;
  promo_only: boolean;
}

export function toSalesQuery(filters: DashboardFilters, range: DateRange): SalesQuery {
  return {
    from: range.from,
    to: range.to,
    store: filters.stores,
    department: filters.departments,
    cards_only: filters.cardsOnly,
    promo_only: filters.promoOnly,
  };
}
