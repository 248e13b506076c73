-- Undoes 20261202080000_faster_spend_path.sql: the definitions of 20261201140500 and 20261201140000.
create or replace function private.idempotency_finish(p_key text, p_response jsonb)
returns jsonb
language sql
security definer
set search_path = ''
as $$
  update private.idempotency_keys k set response = p_response
   where k.user_id = (select auth.uid()) and k.key = p_key
  returning k.response;
$$;

create or replace function private.announce_wallet_change(p_family_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if coalesce(current_setting('credits.announced', true), '') = p_family_id::text then
    return;
  end if;
  perform set_config('credits.announced', p_family_id::text, true);
  perform realtime.send(jsonb_build_object('child_id', null, 'kind', 'credits'), 'credits', 'family:' || p_family_id, true);
end;
$$;
