import { describe, expect, it } from 'vitest';

import { daysInRange } from '@/shared/lib/calendar-date';

import { PERIOD_PRESETS, resolvePreset } from './periods';

describe('resolvePreset', () => {
  it('counts rolling periods back from the last day with sales', () => {
    expect(resolvePreset('last_7_days', '2026-11-01')).toEqual({
      from: '2026-10-26',
      to: '2026-11-01',
    });
    expect(resolvePreset('last_30_days', '2026-11-01')).toEqual({
      from: '2026-10-03',
      to: '2026-11-01',
    });
  });

  it('starts this month on the first', () => {
    expect(resolvePreset('this_month', '2026-11-01')).toEqual({
      from: '2026-11-01',
      to: '2026-11-01',
    });
    expect(resolvePreset('this_month', '2026-02-28')).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
  });

  it('takes the whole previous month', () => {
    expect(resolvePreset('last_month', '2026-03-31')).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(resolvePreset('last_month', '2024-03-01')).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
  });

  it('takes December of the previous year in January', () => {
    expect(resolvePreset('last_month', '2027-01-01')).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });
  });

  it('starts quarters on their first month', () => {
    expect(resolvePreset('this_quarter', '2026-12-31')).toEqual({
      from: '2026-10-01',
      to: '2026-12-31',
    });
    expect(resolvePreset('this_quarter', '2026-04-01')).toEqual({
      from: '2026-04-01',
      to: '2026-04-01',
    });
  });

  it('starts this year on 1 January', () => {
    expect(resolvePreset('this_year', '2026-12-31')).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(resolvePreset('this_year', '2027-01-01')).toEqual({
      from: '2027-01-01',
      to: '2027-01-01',
    });
  });

  it('makes the last 12 months one year long', () => {
    expect(resolvePreset('last_12_months', '2026-11-15')).toEqual({
      from: '2025-11-16',
      to: '2026-11-15',
    });
    expect(resolvePreset('last_12_months', '2026-12-31')).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
    });
    const year = resolvePreset('last_12_months', '2026-02-28');
    expect(daysInRange(year.from, year.to)).toBe(365);
    expect(resolvePreset('last_12_months', '2024-02-29')).toEqual({
      from: '2023-03-01',
      to: '2024-02-29',
    });
  });

  it('never starts after it ends', () => {
    for (const anchor of ['2026-01-01', '2026-02-28', '2024-02-29', '2026-12-31']) {
      for (const preset of PERIOD_PRESETS) {
        const range = resolvePreset(preset, anchor);
        expect(range.from <= range.to, `${preset} at ${anchor}`).toBe(true);
      }
    }
  });
});
