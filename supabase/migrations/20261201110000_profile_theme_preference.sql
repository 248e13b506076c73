-- Why: a parent who picks dark (or light) should get it on every device they sign in on, from the first
-- paint. The choice lives in profiles.preferences.theme, which the root layout reads on the server.
-- The database accepts only light, dark or system there (a CHECK, so even a direct write of the
-- preferences column cannot store anything else), and set_theme_preference() changes that one key
-- without a read-modify-write of the whole object by the app.

alter table public.profiles
  add constraint profiles_preferences_theme check (
    not (preferences ? 'theme') or (preferences ->> 'theme') in ('light', 'dark', 'system')
  );
comment on constraint profiles_preferences_theme on public.profiles is 'preferences.theme, when present, is light, dark or system.';

-- Security invoker: it changes only what the caller may change anyway (their own row, by RLS and the
-- column grant on preferences); the check gives a clear code instead of a constraint violation.
create function public.set_theme_preference(p_theme text)
returns text
language plpgsql
security invoker
set search_path = ''
as $$
begin
  if p_theme is null or p_theme not in ('light', 'dark', 'system') then
    perform private.raise_error('TF400', 'theme_unknown', '{"allowed":["light","dark","system"]}');
  end if;
  update public.profiles p
     set preferences = p.preferences || jsonb_build_object('theme', p_theme)
   where p.id = (select auth.uid());
  if not found then
    perform private.raise_error('TF403', 'not_signed_in');
  end if;
  return p_theme;
end;
$$;
comment on function public.set_theme_preference(text) is 'Signed-in user: remembers light, dark or system as their own profile''s theme.';
revoke execute on function public.set_theme_preference(text) from public, anon;
grant execute on function public.set_theme_preference(text) to authenticated;
