-- Undoes 20261202110000_idempotency_claim_by_lock.sql: idempotency_begin as in 20261201140500 (the claim
-- is an uncommitted row) and idempotency_finish as in 20261202080000 (an UPDATE of that row).
create or replace function private.idempotency_begin(p_key text, p_operation text, p_request jsonb)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_user_id uuid := (select auth.uid());
  v_hash text := md5(p_operation || ':' || coalesce(p_request, '{}'::jsonb)::text);
  v_row private.idempotency_keys%rowtype;
begin
  if p_key is null or p_key !~ '^[!-~]{16,255}$' then
    perform private.raise_error('TF400', 'idempotency_key_invalid', '{"min":16,"max":255}');
  end if;
  if v_user_id is null then
    perform private.raise_error('TF403', 'not_signed_in');
  end if;
  insert into private.idempotency_keys (user_id, key, operation, request_hash)
  values (v_user_id, p_key, p_operation, v_hash)
  on conflict (user_id, key) do nothing
  returning * into v_row;
  if v_row.id is not null then
    return null;
  end if;
  -- Taken: by a committed request (a concurrent one has finished by now: the insert waited for it).
  select * into v_row from private.idempotency_keys k where k.user_id = v_user_id and k.key = p_key;
  if v_row.expires_at <= now() then
    -- Older than 24 hours: the key counts as new.
    delete from private.idempotency_keys k where k.id = v_row.id;
    insert into private.idempotency_keys (user_id, key, operation, request_hash) values (v_user_id, p_key, p_operation, v_hash);
    return null;
  end if;
  if v_row.request_hash <> v_hash then
    perform private.raise_error('TF409', 'idempotency_key_reused');
  end if;
  return v_row.response;
end;
$$;
comment on function private.idempotency_begin(text, text, jsonb) is 'Claims a client key for one request (null = new, go ahead) or returns the response a previous identical request stored; a different request with the key is refused (idempotency_key_reused).';

create or replace function private.idempotency_finish(p_key text, p_response jsonb)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
begin
  update private.idempotency_keys k set response = p_response
   where k.user_id = (select auth.uid()) and k.key = p_key;
  return p_response;
end;
$$;
comment on function private.idempotency_finish(text, jsonb) is 'Stores the response of the request that claimed the key (same transaction as the work) and returns it.';
