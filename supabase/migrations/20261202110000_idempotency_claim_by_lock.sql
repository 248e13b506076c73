-- Why: bench:ledger with pg_stat_statements (track = all) showed the key's two writes as the largest
-- part of a spend after the debit: the claim INSERT before the work and the UPDATE storing the response
-- after it (≈1.1 ms of ≈4 ms per spend on 1,000 wallets, 8 clients). A key needs one write: the row,
-- response included, once the work is done.
-- * idempotency_begin claims the key with a transaction-scoped advisory lock on (user, key) instead of
--   an uncommitted row: a concurrent duplicate waits on that lock until the first request commits or
--   rolls back, then reads its committed row (locks are released after the commit is visible). It
--   remembers the claim (operation and request hash) for the rest of the transaction.
-- * idempotency_finish writes the row with its response in one INSERT.
-- Semantics are unchanged: same key + same request → the stored response for 24 h; same key + other
-- request → idempotency_key_reused; concurrent duplicates apply once; a failed request leaves no key.
-- A lock-hash collision between two different keys only makes one wait for the other's commit.

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

create or replace function private.idempotency_finish(p_key text, p_response jsonb)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_claim jsonb := nullif(current_setting('idempotency.claims', true), '')::jsonb -> p_key;
begin
  if v_claim is null then
    -- Only idempotency_begin's "go ahead" leads here; anything else is a bug in the caller.
    raise exception 'idempotency_finish: key % was not claimed in this transaction', p_key;
  end if;
  insert into private.idempotency_keys (user_id, key, operation, request_hash, response)
  values ((select auth.uid()), p_key, v_claim ->> 0, v_claim ->> 1, p_response);
  return p_response;
end;
$$;
comment on function private.idempotency_finish(text, jsonb) is 'Stores the key claimed by idempotency_begin with the response of its request (same transaction as the work) and returns the response.';
