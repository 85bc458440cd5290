import { createContext, useContext } from 'react';

import type { BoundFormat } from '@/shared/format/bound-format';

import type { Language } from './language';
import type { MessageKey, MessageParams, PluralKey } from './translate';

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
  /** A plural message; `{count}` is the count formatted for the language. */
  tp: (key: PluralKey, count: number, params?: MessageParams) => string;
  format: BoundFormat;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be called inside <I18nProvider>');
  return i18n;
}
