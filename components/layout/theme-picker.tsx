'use client';

import { Monitor, Moon, Sun } from 'lucide-react';
import { useState, useTransition } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { setThemeAction } from '@/lib/profiles/set-theme-action';
import { THEME_LABELS, THEMES, type Theme } from '@/lib/profiles/theme';

const ICONS = { system: Monitor, light: Sun, dark: Moon } as const;

/** Light, dark or the device's choice, remembered in the profile (so every device follows). */
export function ThemePicker({ current }: { current: Theme }) {
  const [theme, setTheme] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function choose(next: Theme) {
    const previous = theme;
    setTheme(next);
    setError(null);
    // Applied at once; the server render that follows sets the same attribute.
    document.documentElement.dataset.theme = next;
    startTransition(async () => {
      const result = await setThemeAction({ theme: next });
      if (!result.ok) {
        setTheme(previous);
        document.documentElement.dataset.theme = previous;
        setError(result.error);
      }
    });
  }

  return (
    <fieldset className="space-y-2" disabled={pending}>
      <legend className="text-sm font-medium text-ink">Appearance</legend>
      <div className="flex flex-wrap gap-2">
        {THEMES.map((value) => {
          const Icon = ICONS[value];
          return (
            <label
              key={value}
              className="inline-flex min-h-9 cursor-pointer items-center gap-2 rounded-md border border-line-strong bg-surface px-3 text-sm text-ink has-checked:border-accent has-checked:bg-accent-soft has-checked:text-accent-strong has-focus-visible:outline-2 has-focus-visible:outline-focus"
            >
              <input
                type="radio"
                name="theme"
                value={value}
                checked={theme === value}
                onChange={() => choose(value)}
                className="sr-only"
              />
              <Icon aria-hidden="true" className="size-4" />
              {THEME_LABELS[value]}
            </label>
          );
        })}
      </div>
      <FormAlert message={error} />
    </fieldset>
  );
}
