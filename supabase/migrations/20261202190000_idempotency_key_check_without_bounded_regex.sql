-- Why: a perf profile of bench:ledger (1,000 wallets, 8 clients) put 14 % of the database's CPU in the
-- regular-expression engine: the key format '^[!-~]{16,255}$' is checked twice per request (in
-- idempotency_begin and by the table's CHECK), and PostgreSQL runs a bounded repetition like {16,255}
-- with a large automaton: about 65 µs per key, against 2 µs for the same rule said as "16 to 255
-- characters, none outside ! to ~" (measured on 100,000 keys). Same rule, same error.
-- The profile also showed the key lookup scanning the table sequentially: its plan was cached while
-- the table was nearly empty (a fresh database, or just after the purge) and is kept until the next
-- ANALYZE, while the table grows by a row per request. The lookup is by the (user_id, key) unique key
-- and always goes through its index.

alter table private.idempotency_keys
  drop constraint idempotency_keys_key_format,
  add constraint idempotency_keys_key_format check (char_length(key) between 16 and 255 and key !~ '[^!-~]');

create or replace function private.idempotency_begin(p_key text, p_operation text, p_request jsonb)
returns jsonb
language plpgsql
security definer
set search_path = ''
set enable_seqscan = off
as $$
declare
  v_user_id uuid := (select auth.uid());
  v_hash text := md5(p_operation || ':' || coalesce(p_request, '{}'::jsonb)::text);
  v_row private.idempotency_keys%rowtype;
  v_claims jsonb;
begin
  if p_key is null or char_length(p_key) not between 16 and 255 or p_key ~ '[^!-~]' then
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
