import { useState } from 'react';

/** The error message of each field that has one. */
export type FieldProblems<Values> = Partial<Record<keyof Values, string>>;

/**
 * Holds a form's values and the error message of each field. Setting a field clears its
 * message, so an error stays on screen only until the user edits that field.
 */
export function useFormFields<Values extends object>(initial: () => Values) {
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<FieldProblems<Values>>({});

  const set = <Name extends keyof Values>(name: Name, value: Values[Name]) => {
    setValues((current) => ({ ...current, [name]: value }));
    setProblems((current) => ({ ...current, [name]: undefined }));
  };

  /** Shows the messages of a validation in place of the old ones; true when there are none. */
  const check = (found: FieldProblems<Values>): boolean => {
    setProblems(found);
    return Object.keys(found).length === 0;
  };

  /** Shows a server rejection under its field, when the form has a field of that name. */
  const showRejection = (rejected: { field: string; message: string } | null) => {
    if (rejected && rejected.field in values) {
      setProblems({ [rejected.field]: rejected.message } as FieldProblems<Values>);
    }
  };

  return { values, setValues, problems, set, check, showRejection };
}
