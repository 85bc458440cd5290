// Calendar days as "YYYY-MM-DD" strings, the form the API uses. Arithmetic runs on UTC dates so
// that neither the browser's time zone nor a daylight-saving change can move a day.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Returns the UTC midnight of `isoDate`, or null when it is not a real calendar day. */
export function parseIsoDate(isoDate: string): Date | null {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over to March; such a string is not a day.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return null;
  if (date.getUTCDate() !== day) return null;
  return date;
}

export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function requireDate(isoDate: string): Date {
  const date = parseIsoDate(isoDate);
  if (!date) throw new RangeError(`invalid calendar date "${isoDate}": expected YYYY-MM-DD`);
  return date;
}

export function addDays(isoDate: string, days: number): string {
  return toIsoDate(new Date(requireDate(isoDate).getTime() + days * DAY_MS));
}

/** Counts the days from `from` through `to`, both included. */
export function daysInRange(from: string, to: string): number {
  return Math.round((requireDate(to).getTime() - requireDate(from).getTime()) / DAY_MS) + 1;
}

export function startOfMonth(isoDate: string): string {
  return `${isoDate.slice(0, 7)}-01`;
}

export function endOfMonth(isoDate: string): string {
  const date = requireDate(isoDate);
  return toIsoDate(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)));
}

/** Moves by whole months, keeping the day or clamping it to the target month's last day. */
export function addMonths(isoDate: string, months: number): string {
  const date = requireDate(isoDate);
  const firstOfTarget = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = endOfMonth(toIsoDate(firstOfTarget));
  const day = Math.min(date.getUTCDate(), Number(lastDay.slice(8, 10)));
  return `${lastDay.slice(0, 8)}${String(day).padStart(2, '0')}`;
}

export function startOfQuarter(isoDate: string): string {
  const month = Number(isoDate.slice(5, 7));
  const firstMonth = month - ((month - 1) % 3);
  return `${isoDate.slice(0, 5)}${String(firstMonth).padStart(2, '0')}-01`;
}

export function startOfYear(isoDate: string): string {
  return `${isoDate.slice(0, 4)}-01-01`;
}

/** Today in the browser's time zone. */
export function todayIsoDate(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}
