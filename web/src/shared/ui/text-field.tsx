import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

export interface TextFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'aria-invalid' | 'aria-describedby'
> {
  label: string;
  /** A hint under the field: the accepted forms, what the value is for. */
  help?: ReactNode;
  /** The message of a value the form or the server rejected; null or undefined when valid. */
  error?: string | null | undefined;
}

/**
 * Renders a labelled input with its hint and its error, both tied to the input with
 * aria-describedby so that screen readers read them with the field.
 */
export function TextField({ label, help, error, type = 'text', ...input }: TextFieldProps) {
  const id = useId();
  const helpId = useId();
  const errorId = useId();
  const describedBy = [help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {help && (
        <span className="field__help" id={helpId}>
          {help}
        </span>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
