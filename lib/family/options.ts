import { Constants, type Enums } from '@/lib/database.types';

// Choices the parent sees, in the database's own order (Constants come from the generated types, so a
// new enum value fails type-checking here until it has a label).
export const AGE_BAND_LABELS: Record<Enums<'age_band'>, string> = {
  '4-6': 'Ages 4–6',
  '7-9': 'Ages 7–9',
  '10-12': 'Ages 10–12',
};

export const CHAT_LEVEL_LABELS: Record<Enums<'chat_level'>, string> = {
  off: 'Off — no chat at all',
  phrases: 'Phrases only — ready-made friendly phrases',
  filtered: 'Filtered — free text through the child-safe filter',
  held_for_review: 'Held for review — every message waits for a parent',
};

export const AGE_BANDS = Constants.public.Enums.age_band;
export const CHAT_LEVELS = Constants.public.Enums.chat_level;
