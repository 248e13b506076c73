-- Why: a child's screen must react within seconds when a parent pauses, resumes, changes a limit or
-- answers a request, and the parent's page must show new requests and minutes without a reload — with
-- no polling. Changes are broadcast from the database itself (realtime.send from triggers) on private
-- channels authorised by RLS on realtime.messages:
--   child:<child id>   — that child and the parents of their family: their controls, requests, time;
--   family:<family id> — the family's parents: every child's events, for the dashboard.
-- Payloads only say what changed ({ "child_id": …, "kind": … }); the clients re-fetch through the API,
-- so RLS decides what they read, and a missed event is repaired by the re-fetch after a reconnect.

-- Who may join a family topic. Topics that are not ours, or carry a malformed id, answer false.
create function private.may_receive_family_topic(p_topic text)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_id uuid;
begin
  if p_topic !~ '^(child|family):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return false;
  end if;
  v_id := split_part(p_topic, ':', 2)::uuid;
  if p_topic like 'child:%' then
    return v_id = (select auth.uid()) or private.is_parent_of(v_id);
  end if;
  return private.is_family_parent(v_id);
end;
$$;
comment on function private.may_receive_family_topic(text) is 'Private-channel authorisation: child:<id> for that child and their parents, family:<id> for the family''s parents.';
revoke execute on function private.may_receive_family_topic(text) from public;
grant execute on function private.may_receive_family_topic(text) to authenticated;

create policy "Family members receive their family's events"
on realtime.messages
for select
to authenticated
using (extension = 'broadcast' and private.may_receive_family_topic((select realtime.topic())));

-- Runs as its owner so the insert into realtime.messages is not subject to the writer's rights; the
-- writer is a parent (controls, answers) or a child (requests, reading time) acting through our RPCs.
create function private.broadcast_family_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row record;
  v_payload jsonb;
begin
  if tg_op = 'DELETE' then
    v_row := old;
  else
    v_row := new;
  end if;
  v_payload := jsonb_build_object('child_id', v_row.child_id, 'kind', tg_argv[0]);
  perform realtime.send(v_payload, tg_argv[0], 'child:' || v_row.child_id, true);
  perform realtime.send(v_payload, tg_argv[0], 'family:' || v_row.family_id, true);
  return null;
end;
$$;
comment on function private.broadcast_family_change() is 'Trigger function: tells child:<child_id> and family:<family_id> that something of kind tg_argv[0] changed.';
revoke execute on function private.broadcast_family_change() from public;

create trigger broadcast_parental_controls
after insert or update or delete on public.parental_controls
for each row execute function private.broadcast_family_change('controls');

create trigger broadcast_approval_requests
after insert or update or delete on public.approval_requests
for each row execute function private.broadcast_family_change('requests');

create trigger broadcast_reading_time_entries
after insert on public.reading_time_entries
for each row execute function private.broadcast_family_change('reading');

create trigger broadcast_parental_consents
after insert or update on public.parental_consents
for each row execute function private.broadcast_family_change('consent');
