import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';

import { bindFormat } from '@/shared/format/bound-format';

import { I18nContext, type I18n } from './i18n-context';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './language';
import { interpolate, translate, translatePlural } from './translate';

export const LANGUAGE_STORAGE_KEY = 'imagross.language';

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be disabled (private mode, strict settings): fall back to Italian.
    return DEFAULT_LANGUAGE;
  }
}

function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Without storage the choice lasts until the page is reloaded.
  }
}

export function I18nProvider({
  children,
  initialLanguage,
}: {
  children: ReactNode;
  initialLanguage?: Language;
}) {
  const [language, setLanguageState] = useState<Language>(
    () => initialLanguage ?? readStoredLanguage(),
  );

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    storeLanguage(next);
    setLanguageState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const format = bindFormat(language);
    return {
      language,
      setLanguage,
      format,
      t: (key, params) => translate(language, key, params),
      tp: (key, count, params) =>
        interpolate(translatePlural(language, key, count, format.integer(count)), params),
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
