import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field, inputClasses } from './field';

type Props = InputHTMLAttributes<HTMLInputElement> & {
  label: ReactNode;
  name: string;
  errors?: string[];
  hint?: ReactNode;
};

export function TextField({ label, name, errors, hint, className = '', ...inputProps }: Props) {
  return (
    <Field label={label} hint={hint} errors={errors}>
      {(control) => <input name={name} className={`${inputClasses} ${className}`} {...control} {...inputProps} />}
    </Field>
  );
}
