-- Why: bench:ledger measured where a spend's time goes (BENCH_LEDGER_PARTS=1 replaces one part at a
-- time). Two parts cost more than their work needs:
-- * idempotency_finish was a SQL function with SET search_path, which PostgreSQL 17 cannot inline and
--   plans again on every call (SQL function bodies have no plan cache before 18); as plpgsql its
--   UPDATE's plan is cached per session. It returns what it stored, as before.
-- * announce_wallet_change went through realtime.send, whose exception block opens a subtransaction on
--   every spend, to turn a failed broadcast into a warning. This definer function writes the same
--   message row itself (the same columns realtime.send writes, the id in the payload too): a row the
--   function's owner may always insert, so there is nothing to swallow.
-- Together about twice the spends per second on 1,000 wallets in the same run (figures in the note).

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

create or replace function private.announce_wallet_change(p_family_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_id uuid := gen_random_uuid();
begin
  if coalesce(current_setting('credits.announced', true), '') = p_family_id::text then
    return;
  end if;
  perform set_config('credits.announced', p_family_id::text, true);
  insert into realtime.messages (id, payload, event, topic, private, extension)
  values (v_id, jsonb_build_object('child_id', null, 'kind', 'credits', 'id', v_id), 'credits',
          'family:' || p_family_id, true, 'broadcast');
end;
$$;
comment on function private.announce_wallet_change(uuid) is 'Tells family:<family_id> that its credits changed (kind credits), once per transaction; delivered only if the transaction commits.';
