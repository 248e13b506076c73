-- Why: a parent's double click, a retried request after a timeout or two tabs must never buy or spend
-- twice. Mutating credit requests carry a client key (16-255 printable characters) with Stripe's
-- semantics: the same key with the same request returns the stored response for 24 hours; the same key
-- with a different request is a conflict; concurrent duplicates apply once (the second waits on the
-- first's uncommitted key row, then reads its response). The key row, the operation and the stored
-- response commit together, so a failed request leaves no key behind and may simply be retried. Expired
-- keys are purged by the worker.

create table private.idempotency_keys (
  id uuid primary key default gen_random_uuid(),
  -- No foreign key: checking it would take a KEY SHARE lock on the user's auth.users row in every
  -- request (a write to that row, contended when one user sends many); keys of a deleted user are
  -- purged with everyone's after 24 hours.
  user_id uuid not null,
  key text not null constraint idempotency_keys_key_format check (key ~ '^[!-~]{16,255}$'),
  operation text not null,
  request_hash text not null,
  response jsonb,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '24 hours',
  constraint idempotency_keys_user_id_key_key unique (user_id, key)
);

comment on table private.idempotency_keys is 'Client idempotency keys of mutating credit requests, per user: which request a key was used for and the response it got, kept 24 hours.';
comment on column private.idempotency_keys.request_hash is 'md5 of the operation and its parameters: the same key with other parameters is a conflict.';
comment on column private.idempotency_keys.response is 'What the request answered; a repeat of the same request gets exactly this.';

-- Only the purge reads by expiry; keys arrive in expiry order, so a BRIN index serves it at almost no
-- cost per insert (a btree here would be one more index write on every spend).
create index idx_idempotency_keys_expires_at on private.idempotency_keys using brin (expires_at);

-- Only the definer functions below touch it; RLS on with no policy keeps every API role out.
revoke all on table private.idempotency_keys from public, anon, authenticated, service_role;
alter table private.idempotency_keys enable row level security;

-- Starts an idempotent request: null when the key is new (go ahead, then call idempotency_finish in
-- the same transaction), the stored response when this exact request was made with it before.
create function private.idempotency_begin(p_key text, p_operation text, p_request jsonb)
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

create function private.idempotency_finish(p_key text, p_response jsonb)
returns jsonb
language sql
security definer
set search_path = ''
as $$
  update private.idempotency_keys k set response = p_response
   where k.user_id = (select auth.uid()) and k.key = p_key
  returning k.response;
$$;
comment on function private.idempotency_finish(text, jsonb) is 'Stores the response of the request that claimed the key (same transaction as the work) and returns it.';

create function private.purge_idempotency_keys(p_now timestamptz default now())
returns int
language sql
security definer
set search_path = ''
as $$
  with gone as (delete from private.idempotency_keys k where k.expires_at <= p_now returning 1)
  select count(*)::int from gone;
$$;
comment on function private.purge_idempotency_keys(timestamptz) is 'Worker task: deletes keys past their 24 hours. Returns how many.';

revoke execute on function private.idempotency_begin(text, text, jsonb), private.idempotency_finish(text, jsonb),
  private.purge_idempotency_keys(timestamptz) from public;
