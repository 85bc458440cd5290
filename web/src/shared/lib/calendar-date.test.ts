import { describe, expect, it } from 'vitest';

import {
  addDays,
  addMonths,
  daysInRange,
  endOfMonth,
  isIsoDate,
  parseIsoDate,
  startOfQuarter,
  todayIsoDate,
} from './calendar-date';

describe('parseIsoDate', () => {
  it('accepts real days', () => {
    expect(parseIsoDate('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('rejects days that do not exist', () => {
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2026-04-31')).toBeNull();
    expect(parseIsoDate('2026-13-01')).toBeNull();
  });

  it('rejects other layouts', () => {
    expect(isIsoDate('01/11/2026')).toBe(false);
    expect(isIsoDate('2026-1-1')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });
});

describe('calendar arithmetic', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('ignores daylight-saving changes', () => {
    // Clocks in Rome go back on 2026-10-25 and forward on 2026-03-29.
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(daysInRange('2026-03-01', '2026-03-31')).toBe(31);
  });

  it('clamps month steps to the last day', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });

  it('finds month and quarter bounds', () => {
    expect(endOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(endOfMonth('2026-12-01')).toBe('2026-12-31');
    expect(startOfQuarter('2026-11-15')).toBe('2026-10-01');
    expect(startOfQuarter('2026-03-31')).toBe('2026-01-01');
  });

  it('throws on a malformed day', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(/invalid calendar date "2026-02-30"/);
  });
});

describe('todayIsoDate', () => {
  it('uses the local calendar day', () => {
    expect(todayIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
