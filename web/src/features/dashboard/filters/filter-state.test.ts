import { describe, expect, it } from 'vitest';

import {
  DEFAULT_FILTERS,
  parseFilters,
  resolveRange,
  serializeFilters,
  toSalesQuery,
  type DashboardFilters,
} from './filter-state';

const roundTrip = (filters: DashboardFilters) => parseFilters(serializeFilters(filters));

describe('dashboard filters in the URL', () => {
  it('leaves the defaults out of the URL', () => {
    expect(serializeFilters(DEFAULT_FILTERS).toString()).toBe('');
    expect(parseFilters(new URLSearchParams())).toEqual(DEFAULT_FILTERS);
  });

  it('round-trips every filter', () => {
    const filters: DashboardFilters = {
      period: 'last_month',
      custom: null,
      stores: ['PV01', 'PV07'],
      departments: ['Salumeria e Formaggi', 'Ortofrutta'],
      cardsOnly: true,
      promoOnly: true,
    };
    expect(roundTrip(filters)).toEqual(filters);
    expect(serializeFilters(filters).toString()).toBe(
      'period=last_month&store=PV01&store=PV07&department=Salumeria+e+Formaggi' +
        '&department=Ortofrutta&cards_only=true&promo_only=true',
    );
  });

  it('round-trips a custom range', () => {
    const filters: DashboardFilters = {
      ...DEFAULT_FILTERS,
      period: 'custom',
      custom: { from: '2025-12-24', to: '2026-01-06' },
    };
    expect(roundTrip(filters)).toEqual(filters);
    expect(serializeFilters(filters).toString()).toBe('from=2025-12-24&to=2026-01-06');
  });

  it('keeps names with reserved characters', () => {
    const filters = { ...DEFAULT_FILTERS, departments: ['Casa & Igiene', 'Pane/Dolci', 'Città=1'] };
    expect(roundTrip(filters).departments).toEqual(filters.departments);
  });

  it('falls back to defaults on values it cannot read', () => {
    const parsed = parseFilters(
      new URLSearchParams('period=yesterday&from=2026-02-30&to=2026-03-01&cards_only=yes'),
    );
    expect(parsed).toEqual(DEFAULT_FILTERS);
  });

  it('ignores a range whose start is after its end', () => {
    expect(parseFilters(new URLSearchParams('from=2026-03-02&to=2026-03-01')).period).toBe(
      'last_30_days',
    );
  });

  it('prefers a named preset over stray days', () => {
    const parsed = parseFilters(
      new URLSearchParams('period=this_year&from=2026-01-01&to=2026-01-02'),
    );
    expect(parsed.period).toBe('this_year');
    expect(parsed.custom).toBeNull();
  });

  it('drops repeated and blank stores', () => {
    expect(parseFilters(new URLSearchParams('store=PV01&store=PV01&store=+')).stores).toEqual([
      'PV01',
    ]);
  });
});

describe('resolveRange and toSalesQuery', () => {
  it('resolves presets against the last day with sales', () => {
    expect(resolveRange({ ...DEFAULT_FILTERS, period: 'this_month' }, '2026-11-01')).toEqual({
      from: '2026-11-01',
      to: '2026-11-01',
    });
  });

  it('uses the days of a custom range as they are', () => {
    const custom = { from: '2026-01-01', to: '2026-01-31' };
    expect(resolveRange({ ...DEFAULT_FILTERS, period: 'custom', custom }, '2026-11-01')).toEqual(
      custom,
    );
  });

  it('names the API parameters', () => {
    const filters = { ...DEFAULT_FILTERS, stores: ['PV07'], cardsOnly: true };
    expect(toSalesQuery(filters, { from: '2026-10-01', to: '2026-10-31' })).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
      store: ['PV07'],
      department: [],
      cards_only: true,
      promo_only: false,
    });
  });
});
