import { useId } from 'react';

import { useI18n } from '@/shared/i18n/i18n-context';
import type { MessageKey } from '@/shared/i18n/translate';

import type { ImportOptions } from '../api/types';

type Choice<V extends string> = { value: V; label: MessageKey };

// Built-in column layouts of the importer; without one it recognises common headers itself.
const PRESETS: Choice<string>[] = [
  { value: '', label: 'imports.preset.none' },
  { value: 'canonical', label: 'imports.preset.canonical' },
  { value: 'online-retail', label: 'imports.preset.online-retail' },
];
// An empty value leaves the choice to the importer's detection.
const LOCALES: Choice<ImportOptions['locale']>[] = [
  { value: '', label: 'imports.auto' },
  { value: 'it-IT', label: 'imports.locale.it-IT' },
  { value: 'en-US', label: 'imports.locale.en-US' },
];
const ENCODINGS: Choice<ImportOptions['encoding']>[] = [
  { value: '', label: 'imports.auto' },
  { value: 'utf-8', label: 'imports.encoding.utf-8' },
  { value: 'windows-1252', label: 'imports.encoding.windows-1252' },
];
const DELIMITERS: Choice<ImportOptions['delimiter']>[] = [
  { value: '', label: 'imports.auto' },
  { value: ',', label: 'imports.delimiter.comma' },
  { value: ';', label: 'imports.delimiter.semicolon' },
  { value: 'tab', label: 'imports.delimiter.tab' },
  { value: '|', label: 'imports.delimiter.pipe' },
];
// Common layouts of cash-register exports; the upload route takes strftime patterns only.
const DATE_FORMATS = ['%d/%m/%Y %H:%M', '%d/%m/%Y %H:%M:%S', '%m/%d/%Y %H:%M', '%Y-%m-%d %H:%M:%S'];

function SelectField<V extends string>({
  label,
  value,
  choices,
  onChange,
}: {
  label: string;
  value: V;
  choices: Choice<V>[];
  onChange: (value: V) => void;
}) {
  const { t } = useI18n();
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value as V)}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {t(choice.label)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Renders the importer's options; one left on "detect" is not sent, so the server detects it. */
export function ImportOptionsFields({
  options,
  onChange,
}: {
  options: ImportOptions;
  onChange: (options: ImportOptions) => void;
}) {
  const { t } = useI18n();
  const dateFormatId = useId();
  const dateFormatsId = useId();
  const dateFormatHelpId = useId();
  const dryRunHelpId = useId();
  const set = <K extends keyof ImportOptions>(name: K, value: ImportOptions[K]) =>
    onChange({ ...options, [name]: value });

  return (
    <fieldset className="options-grid">
      <legend>{t('imports.options')}</legend>
      <SelectField
        label={t('imports.preset')}
        value={options.preset}
        choices={PRESETS}
        onChange={(value) => set('preset', value)}
      />
      <SelectField
        label={t('imports.locale')}
        value={options.locale}
        choices={LOCALES}
        onChange={(value) => set('locale', value)}
      />
      <SelectField
        label={t('imports.encoding')}
        value={options.encoding}
        choices={ENCODINGS}
        onChange={(value) => set('encoding', value)}
      />
      <SelectField
        label={t('imports.delimiter')}
        value={options.delimiter}
        choices={DELIMITERS}
        onChange={(value) => set('delimiter', value)}
      />
      <div className="field">
        <label className="field__label" htmlFor={dateFormatId}>
          {t('imports.dateFormat')}
        </label>
        <input
          id={dateFormatId}
          type="text"
          value={options.date_format}
          list={dateFormatsId}
          placeholder="%d/%m/%Y %H:%M"
          spellCheck={false}
          aria-describedby={dateFormatHelpId}
          onChange={(event) => set('date_format', event.target.value)}
        />
        <datalist id={dateFormatsId}>
          {DATE_FORMATS.map((value) => (
            <option key={value} value={value} />
          ))}
        </datalist>
        <span className="field__help" id={dateFormatHelpId}>
          {t('imports.dateFormat.help')}
        </span>
      </div>
      <div className="checkbox--field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={options.dry_run}
            aria-describedby={dryRunHelpId}
            onChange={(event) => set('dry_run', event.target.checked)}
          />
          <span>{t('imports.dryRun')}</span>
        </label>
        <span className="field__help" id={dryRunHelpId}>
          {t('imports.dryRun.help')}
        </span>
      </div>
    </fieldset>
  );
}
