import { FieldError } from '@/components/ui/field';
import { AVATARS, type AvatarKey } from '@/lib/family/avatars';

/** The fixed avatars as one radio group: arrow keys move between them, one tab stop in all. */
export function AvatarPicker({ current, errors }: { current?: AvatarKey | null; errors?: string[] }) {
  const selected = current ?? 'fox';
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-ink">Avatar</legend>
      <div className="flex flex-wrap gap-2">
        {Object.entries(AVATARS).map(([key, emoji]) => (
          <label
            key={key}
            className="flex min-h-10 min-w-10 cursor-pointer items-center justify-center rounded-lg border border-line-strong bg-surface text-2xl has-checked:border-accent has-checked:bg-accent-soft has-checked:ring-2 has-checked:ring-accent/40 has-focus-visible:outline-2 has-focus-visible:outline-focus"
          >
            <input type="radio" name="avatar" value={key} defaultChecked={key === selected} className="sr-only" />
            <span aria-hidden="true">{emoji}</span>
            <span className="sr-only">{key}</span>
          </label>
        ))}
      </div>
      <FieldError errors={errors} />
    </fieldset>
  );
}
