'use server';

import { revalidatePath } from 'next/cache';
import { userAction } from '@/lib/actions/action';
import { themeSchema } from './theme.schema';

// The root layout renders data-theme from the profile, so the next page (and a reload) paints in the
// chosen theme at once; revalidating the layout makes the current page follow too.
export const setThemeAction = userAction(themeSchema, async ({ theme }, { supabase }) => {
  const { error } = await supabase.rpc('set_theme_preference', { p_theme: theme });
  if (error) throw error;
  revalidatePath('/', 'layout');
  return { theme };
});
