import { z } from 'zod';

export const familySettingsSchema = z.object({
  name: z.string().trim().min(1, 'Please name your family.').max(80, 'Please keep the name under 80 characters.'),
  timeZone: z.string().trim().min(1, 'Please enter a time zone like Europe/London.'),
});
