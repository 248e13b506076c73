import { type ReactNode, useId } from 'react';

export const inputClasses =
  'block w-full min-h-9 rounded-md border border-line-strong bg-surface px-3 py-1.5 text-ink shadow-xs placeholder:text-ink-subtle focus:border-accent aria-invalid:border-danger';

export type ControlProps = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

/**
 * A label, an optional hint and the first error around any control: the error is tied to the control
 * (aria-describedby), so screen readers, and tests selecting by label, find them together.
 */
export function Field({
  label,
  hint,
  errors,
  className = 'space-y-1',
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const invalid = Boolean(errors?.length);
  const describedBy = [hint && !invalid ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean);
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      {children({
        id,
        'aria-invalid': invalid || undefined,
        'aria-describedby': describedBy.join(' ') || undefined,
      })}
      {hint && !invalid ? (
        <p id={`${id}-hint`} className="text-xs text-ink-subtle">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function FieldError({ id, errors }: { id?: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="text-sm text-danger">
      {errors[0]}
    </p>
  );
}
