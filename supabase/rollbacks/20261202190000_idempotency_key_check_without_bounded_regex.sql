-- Undoes 20261202190000_idempotency_key_check_without_bounded_regex.sql: the key format as a bounded
-- repetition again (table CHECK as in 20261201140500) and idempotency_begin as in 20261202110000.

alter table private.idempotency_keys
  drop constraint idempotency_keys_key_format,
  add constraint idempotency_keys_key_format check (key ~ '^[!-~]{16,255}$');

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
  v_claims jsonb;
begin
  if p_key is null or p_key !~ '^[!-~]{16,255}$' then
    perform private.raise_error('TF400', 'idempotency_key_invalid', '{"min":16,"max":255}');
  end if;
  if v_user_id is null then
    perform private.raise_error('TF403', 'not_signed_in');
  end if;
  -- A concurrent request with this key waits here until the first commits (then its row is visible to
  -- the next statement) or rolls back (then the key is free).
  perform pg_advisory_xact_lock(hashtextextended(v_user_id::text || '/' || p_key, 0));
  select * into v_row from private.idempotency_keys k where k.user_id = v_user_id and k.key = p_key;
  if found then
    if v_row.expires_at <= now() then
      -- Older than 24 hours: the key counts as new.
      delete from private.idempotency_keys k where k.id = v_row.id;
    else
      if v_row.request_hash <> v_hash then
        perform private.raise_error('TF409', 'idempotency_key_reused');
      end if;
      return v_row.response;
    end if;
  end if;
  v_claims := coalesce(nullif(current_setting('idempotency.claims', true), '')::jsonb, '{}'::jsonb);
  perform set_config('idempotency.claims',
    (v_claims || jsonb_build_object(p_key, jsonb_build_array(p_operation, v_hash)))::text, true);
  return null;
end;
$$;
comment on function private.idempotency_begin(text, text, jsonb) is 'Claims a client key for this transaction (advisory lock per user and key): null when the request is new (go ahead, then call idempotency_finish in the same transaction), the stored response when this exact request was made with it before, idempotency_key_reused for another request.';
