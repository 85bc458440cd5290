import { LOCALE_TAGS, type Language } from '@/shared/i18n/language';
import { parseIsoDate } from '@/shared/lib/calendar-date';

// Every number, amount and date the app shows goes through this module, so that a figure looks
// the same on a KPI card, in a table, in a tooltip and on a chart axis.

const NOT_AVAILABLE: Record<Language, string> = { it: 'n/d', en: 'n/a' };

/** A figure the server did not compute (null), or a value that is not a finite number. */
export type Figure = number | null | undefined;

// Intl formatters are costly to build and a dashboard formats hundreds of figures per render.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let formatter = numberFormats.get(key);
  if (!formatter) {
    // Italian groups thousands only from five digits by default (1234 €); the chain's reports
    // write 1.234 €, so grouping is forced.
    formatter = new Intl.NumberFormat(LOCALE_TAGS[language], { useGrouping: 'always', ...options });
    numberFormats.set(key, formatter);
  }
  return formatter;
}

function dateFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let formatter = dateFormats.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALE_TAGS[language], options);
    dateFormats.set(key, formatter);
  }
  return formatter;
}

function isFiniteFigure(value: Figure): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** "n/d" in Italian, "n/a" in English: the text of a figure that is not available. */
export function notAvailable(language: Language): string {
  return NOT_AVAILABLE[language];
}

/** Formats euros with cents: 1.234,56 € in Italian, €1,234.56 in English. */
export function formatMoney(value: Figure, language: Language): string {
  if (!isFiniteFigure(value)) return notAvailable(language);
  return numberFormat(language, { style: 'currency', currency: 'EUR' }).format(value);
}

/** Formats euros in short form for chart axes: 12,3K € in Italian, €12.3K in English. */
export function formatMoneyCompact(value: Figure, language: Language): string {
  if (!isFiniteFigure(value)) return notAvailable(language);
  return numberFormat(language, {
    style: 'currency',
    currency: 'EUR',
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(value);
}

/** Formats a count such as receipts or customers: 1.234. */
export function formatInteger(value: Figure, language: Language): string {
  if (!isFiniteFigure(value)) return notAvailable(language);
  return numberFormat(language, { maximumFractionDigits: 0 }).format(value);
}

/** Formats a quantity in pieces or kilograms, with up to three decimals: 1.234,5. */
export function formatQuantity(value: Figure, language: Language): string {
  if (!isFiniteFigure(value)) return notAvailable(language);
  return numberFormat(language, { maximumFractionDigits: 3 }).format(value);
}

/** Formats a ratio (0.712) as a percentage with one decimal: 71,2%. */
export function formatPercent(ratio: Figure, language: Language): string {
  if (!isFiniteFigure(ratio)) return notAvailable(language);
  return numberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

/** Formats a relative change (0.053) as a signed percentage: +5,3%, -1,2%, 0%. */
export function formatChange(ratio: Figure, language: Language): string {
  if (!isFiniteFigure(ratio)) return notAvailable(language);
  return numberFormat(language, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(ratio);
}

export type DateStyle = 'long' | 'short' | 'dayMonth' | 'monthYear';

const DATE_STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  long: { day: 'numeric', month: 'short', year: 'numeric' },
  short: { day: '2-digit', month: '2-digit', year: 'numeric' },
  dayMonth: { day: 'numeric', month: 'short' },
  monthYear: { month: 'short', year: 'numeric' },
};

/** Formats a calendar day "YYYY-MM-DD": 1 nov 2026 (long), 01/11/2026 (short). */
export function formatDate(
  isoDate: string | null | undefined,
  language: Language,
  style: DateStyle = 'long',
): string {
  // The day is a UTC midnight formatted in UTC, so no time zone can shift it.
  const date = isoDate ? parseIsoDate(isoDate) : null;
  if (!date) return notAvailable(language);
  return dateFormat(language, { ...DATE_STYLES[style], timeZone: 'UTC' }).format(date);
}

/** Formats an instant (ISO 8601, UTC) in the browser's own time zone, to the minute. */
export function formatDateTime(isoInstant: string | null | undefined, language: Language): string {
  const date = isoInstant ? new Date(isoInstant) : null;
  if (!date || Number.isNaN(date.getTime())) return notAvailable(language);
  return dateFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

/** Returns the short name of an ISO weekday, 0 = Monday: lun, mar, … in Italian. */
export function formatWeekday(index: number, language: Language): string {
  // 2024-01-01 was a Monday.
  const date = new Date(Date.UTC(2024, 0, 1 + index));
  return dateFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(date);
}

/** Formats a byte count for file sizes: 1,2 MB. */
export function formatBytes(value: Figure, language: Language): string {
  if (!isFiniteFigure(value)) return notAvailable(language);
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let size = value;
  let unit = 0;
  while (Math.abs(size) >= 1000 && unit < units.length - 1) {
    size /= 1000;
    unit += 1;
  }
  return numberFormat(language, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(size);
}

/**
 * Formats a wait in seconds in the largest whole unit, rounded up so that the user never tries
 * too early: 45 secondi, 2 minuti, 1 ora.
 */
export function formatDuration(seconds: Figure, language: Language): string {
  if (!isFiniteFigure(seconds) || seconds < 0) return notAvailable(language);
  const whole = Math.ceil(seconds);
  let unit: 'second' | 'minute' | 'hour' = 'second';
  let amount = whole;
  if (whole >= 3600) {
    unit = 'hour';
    amount = Math.ceil(whole / 3600);
  } else if (whole >= 60) {
    unit = 'minute';
    amount = Math.ceil(whole / 60);
  }
  return numberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(amount);
}
