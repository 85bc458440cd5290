import type { Language } from '@/shared/i18n/language';

import * as format from './format';
import type { DateStyle, Figure } from './format';

/** The formatting functions with the language filled in, as components use them. */
export interface BoundFormat {
  money: (value: Figure) => string;
  moneyCompact: (value: Figure) => string;
  integer: (value: Figure) => string;
  quantity: (value: Figure) => string;
  percent: (ratio: Figure) => string;
  change: (ratio: Figure) => string;
  date: (isoDate: string | null | undefined, style?: DateStyle) => string;
  dateTime: (isoInstant: string | null | undefined) => string;
  weekday: (index: number) => string;
  bytes: (value: Figure) => string;
  duration: (seconds: Figure) => string;
  notAvailable: () => string;
}

export function bindFormat(language: Language): BoundFormat {
  return {
    money: (value) => format.formatMoney(value, language),
    moneyCompact: (value) => format.formatMoneyCompact(value, language),
    integer: (value) => format.formatInteger(value, language),
    quantity: (value) => format.formatQuantity(value, language),
    percent: (ratio) => format.formatPercent(ratio, language),
    change: (ratio) => format.formatChange(ratio, language),
    date: (isoDate, style) => format.formatDate(isoDate, language, style),
    dateTime: (isoInstant) => format.formatDateTime(isoInstant, language),
    weekday: (index) => format.formatWeekday(index, language),
    bytes: (value) => format.formatBytes(value, language),
    duration: (seconds) => format.formatDuration(seconds, language),
    notAvailable: () => format.notAvailable(language),
  };
}
