import { describe, expect, it } from 'vitest';

import { en } from './messages/en';
import { it as italian } from './messages/it';
import { interpolate, translate, translatePlural } from './translate';

describe('message catalogs', () => {
  it('have the same keys in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(italian).sort());
  });

  it('have no empty message', () => {
    for (const [key, text] of [...Object.entries(en), ...Object.entries(italian)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(italian) as (keyof typeof italian)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(italian[key]));
    }
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('it', 'dashboard.range', { from: '1 ott', to: '31 ott' })).toBe(
      'Dal 1 ott al 31 ott',
    );
    expect(translate('en', 'dashboard.range', { from: 'Oct 1', to: 'Oct 31' })).toBe(
      'Oct 1 to Oct 31',
    );
  });

  it('leaves an unknown placeholder visible', () => {
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('picks plural forms per language', () => {
    expect(translatePlural('it', 'filters.selected', 1)).toBe('1 selezionato');
    expect(translatePlural('it', 'filters.selected', 3)).toBe('3 selezionati');
    expect(translatePlural('en', 'common.rows', 1)).toBe('1 row');
    expect(translatePlural('en', 'common.rows', 1200, '1,200')).toBe('1,200 rows');
  });
});
