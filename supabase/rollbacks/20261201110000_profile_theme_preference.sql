drop function public.set_theme_preference(text);
alter table public.profiles drop constraint profiles_preferences_theme;
