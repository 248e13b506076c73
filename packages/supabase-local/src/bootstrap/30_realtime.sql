-- Realtime's tenant objects as hosted Supabase has them (supabase/realtime priv/repo/tenant_schema):
-- realtime.messages with RLS (private-channel authorisation and database broadcasts), realtime.topic(),
-- realtime.send(), realtime.send_binary() and realtime.broadcast_changes(). Idempotent: runs on every start.

-- Hosted partitions messages by day and drops old partitions; locally one plain table is enough
-- (the realtime service prunes rows older than three days on start).
create table if not exists realtime.messages (
  topic text not null,
  extension text not null,
  payload jsonb,
  event text,
  private boolean default false,
  updated_at timestamp without time zone not null default now(),
  inserted_at timestamp without time zone not null default now(),
  id uuid not null default gen_random_uuid(),
  binary_payload bytea,
  constraint messages_pkey primary key (id, inserted_at),
  constraint messages_payload_exclusive check (payload is null or binary_payload is null)
);
alter table realtime.messages owner to supabase_realtime_admin;
alter table realtime.messages enable row level security;
grant all on table realtime.messages to postgres;
grant select, insert, update on table realtime.messages to anon, authenticated, service_role;
create index if not exists messages_inserted_at_topic_index on realtime.messages (inserted_at desc, topic)
  where extension = 'broadcast' and private is true;
comment on table realtime.messages is
  'Realtime broadcast messages. RLS policies here authorise private channels (realtime.topic() names the channel).';

create or replace function realtime.topic() returns text
language sql stable
as $$
  select nullif(current_setting('realtime.topic', true), '')::text;
$$;
alter function realtime.topic() owner to supabase_realtime_admin;
grant execute on function realtime.topic() to postgres, anon, authenticated, service_role;

-- Invoker rights, as hosted: the insert runs under the caller's RLS, and any failure only warns so a
-- trigger that broadcasts never aborts the caller's write.
create or replace function realtime.send(payload jsonb, event text, topic text, private boolean default true)
returns void
language plpgsql
as $$
declare
  generated_id uuid;
  final_payload jsonb;
begin
  begin
    generated_id := gen_random_uuid();
    if payload ? 'id' then
      final_payload := payload;
    else
      final_payload := jsonb_set(payload, '{id}', to_jsonb(generated_id));
    end if;
    perform set_config('realtime.topic', topic, true);
    insert into realtime.messages (id, payload, event, topic, private, extension)
    values (generated_id, final_payload, event, topic, private, 'broadcast');
  exception
    when others then
      raise warning 'ErrorSendingBroadcastMessage: %', sqlerrm;
  end;
end;
$$;
alter function realtime.send(jsonb, text, text, boolean) owner to supabase_realtime_admin;
grant execute on function realtime.send(jsonb, text, text, boolean) to postgres, anon, authenticated, service_role;

create or replace function realtime.send_binary(payload bytea, event text, topic text, private boolean default true)
returns void
language plpgsql
as $$
begin
  begin
    perform set_config('realtime.topic', topic, true);
    insert into realtime.messages (binary_payload, event, topic, private, extension)
    values (payload, event, topic, private, 'broadcast');
  exception
    when others then
      raise warning 'ErrorSendingBroadcastMessage: %', sqlerrm;
  end;
end;
$$;
alter function realtime.send_binary(bytea, text, text, boolean) owner to supabase_realtime_admin;
grant execute on function realtime.send_binary(bytea, text, text, boolean) to postgres, anon, authenticated, service_role;

create or replace function realtime.broadcast_changes(
  topic_name text,
  event_name text,
  operation text,
  table_name text,
  table_schema text,
  new record,
  old record,
  level text default 'ROW'
)
returns void
language plpgsql
as $$
declare
  row_data jsonb := '{}'::jsonb;
begin
  if level = 'STATEMENT' then
    raise exception 'function can only be triggered for each row, not for each statement';
  end if;
  if operation = 'INSERT' or operation = 'UPDATE' or operation = 'DELETE' then
    row_data := jsonb_build_object(
      'old_record', old, 'record', new, 'operation', operation, 'table', table_name, 'schema', table_schema
    );
    perform realtime.send(row_data, event_name, topic_name);
  else
    raise exception 'Unexpected operation type: %', operation;
  end if;
end;
$$;
alter function realtime.broadcast_changes(text, text, text, text, text, record, record, text)
  owner to supabase_realtime_admin;
grant execute on function realtime.broadcast_changes(text, text, text, text, text, record, record, text)
  to postgres, anon, authenticated, service_role;

-- Local-only delivery path: hosted Realtime reads inserts through its own replication slot; here a
-- NOTIFY carries them to the realtime service (the row itself when it fits NOTIFY's 8 kB limit, else
-- its key). Probe rows inserted by authorisation checks are rolled back, so their notifications vanish.
create or replace function realtime.notify_message() returns trigger
language plpgsql
as $$
declare
  body text;
begin
  if new.extension <> 'broadcast' then
    return null;
  end if;
  body := json_build_object(
    'id', new.id, 'topic', new.topic, 'event', new.event, 'private', coalesce(new.private, false),
    'payload', new.payload, 'binary', case when new.binary_payload is null then null else encode(new.binary_payload, 'base64') end
  )::text;
  if octet_length(body) > 7900 then
    body := json_build_object('id', new.id, 'inserted_at', new.inserted_at, 'fetch', true)::text;
  end if;
  perform pg_notify('realtime:messages', body);
  return null;
end;
$$;
alter function realtime.notify_message() owner to supabase_realtime_admin;

drop trigger if exists notify_message on realtime.messages;
create trigger notify_message after insert on realtime.messages
  for each row execute function realtime.notify_message();
