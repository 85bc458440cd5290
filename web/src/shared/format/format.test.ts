import { describe, expect, it } from 'vitest';

import {
  formatBytes,
  formatChange,
  formatDate,
  formatDateTime,
  formatInteger,
  formatMoney,
  formatMoneyCompact,
  formatPercent,
  formatQuantity,
  formatWeekday,
  notAvailable,
} from './format';

// Intl separates the number from € with a no-break space; tests compare plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('writes Italian euros with grouping and decimal comma', () => {
    expect(plain(formatMoney(1234.56, 'it'))).toBe('1.234,56 €');
  });

  it('groups four-digit Italian amounts too', () => {
    expect(plain(formatMoney(1000, 'it'))).toBe('1.000,00 €');
  });

  it('writes English euros with the symbol first', () => {
    expect(formatMoney(1234.56, 'en')).toBe('€1,234.56');
  });

  it('keeps the sign of negative amounts', () => {
    expect(plain(formatMoney(-1234.5, 'it'))).toBe('-1.234,50 €');
    expect(formatMoney(-1234.5, 'en')).toBe('-€1,234.50');
  });

  it('writes large amounts in full to the cent', () => {
    expect(plain(formatMoney(1234567890.12, 'it'))).toBe('1.234.567.890,12 €');
    expect(formatMoney(1234567890.12, 'en')).toBe('€1,234,567,890.12');
  });

  it('shows zero as a real zero', () => {
    expect(plain(formatMoney(0, 'it'))).toBe('0,00 €');
  });

  it('shows null as not available', () => {
    expect(formatMoney(null, 'it')).toBe('n/d');
    expect(formatMoney(null, 'en')).toBe('n/a');
    expect(formatMoney(undefined, 'it')).toBe('n/d');
  });

  it('never prints NaN or Infinity', () => {
    expect(formatMoney(Number.NaN, 'it')).toBe('n/d');
    expect(formatMoney(Number.POSITIVE_INFINITY, 'en')).toBe('n/a');
    expect(formatMoney(Number.NEGATIVE_INFINITY, 'it')).toBe('n/d');
  });
});

describe('formatInteger and formatQuantity', () => {
  it('groups counts in both languages', () => {
    expect(formatInteger(1234, 'it')).toBe('1.234');
    expect(formatInteger(1234567, 'en')).toBe('1,234,567');
  });

  it('writes negative counts', () => {
    expect(formatInteger(-12, 'it')).toBe('-12');
  });

  it('keeps up to three decimals of kilograms', () => {
    expect(formatQuantity(40211.532, 'it')).toBe('40.211,532');
    expect(formatQuantity(40211.532, 'en')).toBe('40,211.532');
    expect(formatQuantity(-0.25, 'it')).toBe('-0,25');
    expect(formatQuantity(1540, 'it')).toBe('1.540');
  });

  it('shows null as not available', () => {
    expect(formatInteger(null, 'it')).toBe('n/d');
    expect(formatQuantity(Number.NaN, 'en')).toBe('n/a');
  });
});

describe('formatPercent and formatChange', () => {
  it('writes shares with one decimal', () => {
    expect(formatPercent(0.712, 'it')).toBe('71,2%');
    expect(formatPercent(0.712, 'en')).toBe('71.2%');
  });

  it('signs changes', () => {
    expect(formatChange(0.053, 'it')).toBe('+5,3%');
    expect(formatChange(-0.012, 'it')).toBe('-1,2%');
    expect(formatChange(0.053, 'en')).toBe('+5.3%');
  });

  it('writes no sign on a zero change', () => {
    expect(formatChange(0, 'it')).toBe('0%');
  });

  it('groups large changes', () => {
    expect(formatChange(12.5, 'it')).toBe('+1.250%');
  });

  it('shows a change on a zero base as not available', () => {
    expect(formatChange(null, 'it')).toBe('n/d');
    expect(formatChange(Number.POSITIVE_INFINITY, 'en')).toBe('n/a');
    expect(formatPercent(null, 'en')).toBe('n/a');
  });
});

describe('formatMoneyCompact', () => {
  it('shortens axis amounts', () => {
    expect(plain(formatMoneyCompact(12345, 'it'))).toBe('12,3K €');
    expect(formatMoneyCompact(12345, 'en')).toBe('€12.3K');
  });
});

describe('formatDate', () => {
  it('writes calendar days in each language', () => {
    expect(formatDate('2026-11-01', 'it')).toBe('1 nov 2026');
    expect(formatDate('2026-11-01', 'en')).toBe('Nov 1, 2026');
    expect(formatDate('2026-11-01', 'it', 'short')).toBe('01/11/2026');
    expect(formatDate('2026-11-01', 'en', 'short')).toBe('11/01/2026');
  });

  it('keeps the day whatever the time zone', () => {
    // A UTC midnight read as local time would be 31 October in America.
    expect(formatDate('2026-11-01', 'en', 'dayMonth')).toBe('Nov 1');
    expect(formatDate('2026-01-01', 'it', 'monthYear')).toBe('gen 2026');
  });

  it('shows malformed or missing days as not available', () => {
    expect(formatDate('2026-02-30', 'it')).toBe('n/d');
    expect(formatDate('01/11/2026', 'it')).toBe('n/d');
    expect(formatDate(null, 'en')).toBe('n/a');
  });
});

describe('formatDateTime', () => {
  it('writes an instant to the minute', () => {
    expect(formatDateTime('2026-11-02T08:15:00Z', 'it')).toMatch(
      /^\d{2}\/\d{2}\/\d{2}, \d{2}:\d{2}$/,
    );
  });

  it('shows an invalid instant as not available', () => {
    expect(formatDateTime('yesterday', 'it')).toBe('n/d');
    expect(formatDateTime(null, 'en')).toBe('n/a');
  });
});

describe('formatWeekday', () => {
  it('counts weekdays from Monday', () => {
    expect(formatWeekday(0, 'it')).toBe('lun');
    expect(formatWeekday(6, 'it')).toBe('dom');
    expect(formatWeekday(0, 'en')).toBe('Mon');
  });
});

describe('formatBytes', () => {
  it('picks a unit', () => {
    expect(formatBytes(512, 'it')).toBe('512 byte');
    expect(formatBytes(1_250_000, 'it')).toBe('1,3 MB');
    expect(formatBytes(1_250_000, 'en')).toBe('1.3 MB');
  });
});

describe('notAvailable', () => {
  it('is n/d in Italian and n/a in English', () => {
    expect(notAvailable('it')).toBe('n/d');
    expect(notAvailable('en')).toBe('n/a');
  });
});
