'use server';

import { userAction } from '@/lib/actions/action';
import { themeSchema } from './theme.schema';

// The picker paints the choice at once; the root layout renders data-theme from the profile, so the
// next page and a reload paint it too. No revalidatePath here: the layout re-rendered in this same
// request would read the profile that the action's member lookup cached before the update (React
// cache() is per request) and paint the old theme back over the new one.
export const setThemeAction = userAction(themeSchema, async ({ theme }, { supabase }) => {
  const { error } = await supabase.rpc('set_theme_preference', { p_theme: theme });
  if (error) throw error;
  return { theme };
});
