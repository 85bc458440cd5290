import { useEffect, useRef, useState } from 'react';

import { useI18n } from '@/shared/i18n/i18n-context';

/** Milliseconds of quiet after the last keystroke before a search is sent. */
export const SEARCH_DEBOUNCE_MS = 300;

/**
 * Renders the search box of the members list. The search starts once typing pauses, or at once
 * on Enter; a search changed elsewhere (back, a link) replaces the text.
 */
export function MemberSearchBox({
  value,
  onSearch,
}: {
  value: string;
  onSearch: (text: string) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The timer calls the newest onSearch, which applies the search to the newest filters.
  const search = useRef(onSearch);

  useEffect(() => {
    search.current = onSearch;
  }, [onSearch]);
  useEffect(() => setText(value), [value]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const change = (next: string) => {
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => search.current(next), SEARCH_DEBOUNCE_MS);
  };

  return (
    <form
      role="search"
      className="field member-search"
      onSubmit={(event) => {
        event.preventDefault();
        clearTimeout(timer.current);
        onSearch(text);
      }}
    >
      <label className="field__label" htmlFor="member-search">
        {t('members.search')}
      </label>
      <input
        id="member-search"
        type="search"
        value={text}
        placeholder={t('members.search.placeholder')}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => change(event.target.value)}
      />
    </form>
  );
}
