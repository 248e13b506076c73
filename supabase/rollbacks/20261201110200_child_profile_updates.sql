drop function public.update_child_profile(uuid, text, text);
drop function private.update_child_profile(uuid, text, text);
drop function private.is_known_avatar(text);
