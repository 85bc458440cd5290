/** The languages of the user interface; Italian is the default. */
export const LANGUAGES = ['it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'it';

/** BCP 47 tag used by Intl for each language; English follows the importer's en-US locale. */
export const LOCALE_TAGS: Record<Language, string> = { it: 'it-IT', en: 'en-US' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
