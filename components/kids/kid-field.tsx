import { type InputHTMLAttributes, useId } from 'react';

type Props = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; errors?: string[] };

// Big type and big touch targets: small hands, young readers.
export function KidField({ label, name, errors, ...props }: Props) {
  const id = useId();
  const invalid = Boolean(errors?.length);
  return (
    <div className="space-y-1 text-left">
      <label htmlFor={id} className="block text-xl font-bold text-kid-ink">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        className="block min-h-14 w-full rounded-kid border-2 border-kid-sky bg-kid-surface px-4 py-3 text-2xl text-kid-ink outline-none focus:border-kid-accent aria-invalid:border-danger"
        {...props}
      />
      {invalid ? (
        <p id={`${id}-error`} className="text-lg text-danger">
          {errors?.[0]}
        </p>
      ) : null}
    </div>
  );
}
