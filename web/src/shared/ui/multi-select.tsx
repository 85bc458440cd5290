import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

import { useI18n } from '@/shared/i18n/i18n-context';

export interface Option {
  value: string;
  label: string;
}

interface MultiSelectProps {
  label: string;
  options: Option[];
  selected: string[];
  onChange: (selected: string[]) => void;
  disabled?: boolean;
}

/**
 * Renders a button that opens a list of checkboxes. Nothing selected means "all", as in the API, where a
 * filter left out covers every store or department. Escape or a click outside closes the list.
 */
export function MultiSelect({ label, options, selected, onChange, disabled }: MultiSelectProps) {
  const { t, tp } = useI18n();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    const closeOnOutsideClick = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOnOutsideClick);
    return () => document.removeEventListener('mousedown', closeOnOutsideClick);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    }
  };

  const toggle = (value: string) => {
    const next = selected.includes(value)
      ? selected.filter((item) => item !== value)
      : [...selected, value];
    // Keep the options' order so the URL does not depend on the order of the clicks.
    onChange(options.map((option) => option.value).filter((item) => next.includes(item)));
  };

  const summary =
    selected.length === 0
      ? t('filters.all')
      : selected.length === 1
        ? (options.find((option) => option.value === selected[0])?.label ?? selected[0])
        : tp('filters.selected', selected.length);

  return (
    <div className="multi-select" ref={rootRef} onKeyDown={onKeyDown}>
      <span className="field__label" aria-hidden="true">
        {label}
      </span>
      <button
        ref={buttonRef}
        type="button"
        className="multi-select__button"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={`${label}: ${summary}`}
        disabled={disabled}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="multi-select__summary">{summary}</span>
        <span aria-hidden="true">▾</span>
      </button>
      <fieldset id={listId} className="multi-select__popup" hidden={!open}>
        <legend className="visually-hidden">{label}</legend>
        <button
          type="button"
          className="link-button"
          onClick={() => onChange([])}
          disabled={selected.length === 0}
        >
          {t('common.clear')}
        </button>
        <ul className="multi-select__options">
          {options.map((option) => (
            <li key={option.value}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={selected.includes(option.value)}
                  onChange={() => toggle(option.value)}
                />
                <span>{option.label}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    </div>
  );
}
