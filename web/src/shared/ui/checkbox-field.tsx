import { useId, type ReactNode } from 'react';

/** Renders a checkbox with a label, an explanation under it and an optional error. */
export function CheckboxField({
  label,
  description,
  checked,
  onChange,
  error,
  required,
  disabled,
}: {
  label: ReactNode;
  description?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | null | undefined;
  required?: boolean;
  disabled?: boolean;
}) {
  const descriptionId = useId();
  const errorId = useId();
  const describedBy = [description ? descriptionId : null, error ? errorId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="checkbox-field">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={checked}
          required={required}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span className="checkbox-field__label">{label}</span>
      </label>
      {description && (
        <p className="field__help checkbox-field__description" id={descriptionId}>
          {description}
        </p>
      )}
      {error && (
        <p className="field__error checkbox-field__description" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
