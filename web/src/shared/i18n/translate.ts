import type { Language } from './language';
import { en } from './messages/en';
import { it, type MessageKey } from './messages/it';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;

const CATALOGS: Record<Language, Record<MessageKey, string>> = { it, en };

/** Keys that have `.one` and `.other` forms, named without the suffix. */
export type PluralKey = MessageKey extends infer K
  ? K extends `${infer Base}.other`
    ? Base
    : never
  : never;

/** Fills the {name} placeholders of a message; a placeholder without a value stays visible. */
export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  return interpolate(CATALOGS[language][key], params);
}

const pluralRules = new Map<Language, Intl.PluralRules>();

/** Picks the .one or .other form for `count`; `{count}` in the message gets `countText`. */
export function translatePlural(
  language: Language,
  key: PluralKey,
  count: number,
  countText: string = String(count),
): string {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  const form = rules.select(count) === 'one' ? 'one' : 'other';
  return translate(language, `${key}.${form}` as MessageKey, { count: countText });
}
