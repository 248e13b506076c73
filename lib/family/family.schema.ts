import { z } from 'zod';

export const familySettingsSchema = z.object({
  name: z
    .string('Please name your family.')
    .trim()
    .min(1, 'Please name your family.')
    .max(80, 'Please keep the name under 80 characters.'),
  // Which zones exist is the database's call (pg_timezone_names): it answers unknown_time_zone.
  timeZone: z
    .string('Please choose a time zone.')
    .trim()
    .min(1, 'Please choose a time zone.')
    .max(64, 'Please choose a time zone from the list.'),
});
