import { type InputHTMLAttributes, useId } from 'react';

type Props = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; errors?: string[] };

// Big type and big touch targets: small hands, young readers.
export function KidField({ label, name, errors, ...props }: Props) {
  const id = useId();
  const invalid = Boolean(errors?.length);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xl font-semibold text-sky-950">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        className="block w-full rounded-2xl border-2 border-sky-200 bg-white px-4 py-3 text-2xl text-sky-950 outline-none focus:border-sky-600 focus:ring-4 focus:ring-sky-200 aria-invalid:border-red-400"
        {...props}
      />
      {invalid ? (
        <p id={`${id}-error`} className="text-lg text-red-700">
          {errors?.[0]}
        </p>
      ) : null}
    </div>
  );
}
