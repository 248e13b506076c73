import type { Json } from '@/lib/database.types';

// The appearance a person chose, kept in profiles.preferences.theme (the database accepts only these).
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_LABELS: Record<Theme, string> = {
  system: 'Same as this device',
  light: 'Light',
  dark: 'Dark',
};

export function themeOf(preferences: Json | null | undefined): Theme {
  const value =
    preferences && typeof preferences === 'object' && !Array.isArray(preferences) ? preferences.theme : undefined;
  return THEMES.includes(value as Theme) ? (value as Theme) : 'system';
}
