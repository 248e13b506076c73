import type { ReactNode, SelectHTMLAttributes } from 'react';
import { Field, inputClasses } from './field';

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  label: ReactNode;
  name: string;
  options: readonly { value: string; label: string }[];
  errors?: string[];
  hint?: ReactNode;
};

export function SelectField({ label, name, options, errors, hint, className = '', ...selectProps }: Props) {
  return (
    <Field label={label} hint={hint} errors={errors}>
      {(control) => (
        <select name={name} className={`${inputClasses} ${className}`} {...control} {...selectProps}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
