-- Why: parents must be able to see who changed what in their family (controls, consent, memberships,
-- approvals), and nobody may rewrite that history. One generic trigger writes every change of a
-- sensitive table into audit.log with the acting user (auth.uid()) and the old and new row as jsonb.
-- Children can neither read nor write it; parents read their own family's entries.

create schema audit;
comment on schema audit is 'Append-only change history of sensitive tables; not exposed over the API.';
revoke all on schema audit from public;
grant usage on schema audit to authenticated, service_role;

create table audit.log (
  id bigint generated always as identity primary key,
  -- No foreign key: the history must outlive the family or member it describes.
  family_id uuid,
  table_name text not null,
  operation text not null check (operation in ('INSERT', 'UPDATE', 'DELETE')),
  actor_id uuid,
  old_row jsonb,
  new_row jsonb,
  created_at timestamptz not null default now()
);

comment on table audit.log is 'One row per change of a sensitive table: who (actor_id = auth.uid(), null for the system), what (table, operation, old/new row) and when.';
comment on column audit.log.family_id is 'Family the changed row belongs to; parents read their family''s entries.';
comment on column audit.log.actor_id is 'auth.uid() of the request that made the change; null when trusted server code or the system did it.';
comment on column audit.log.old_row is 'Row before the change (UPDATE, DELETE), with secret columns (PIN hashes) removed.';

create index idx_audit_log_family_id_created_at on audit.log (family_id, created_at desc);

-- Writes run inside the trigger (as the table owner); users only ever read, and only through RLS.
revoke all on table audit.log from public, anon, authenticated, service_role;
grant select on table audit.log to authenticated, service_role;

alter table audit.log enable row level security;

create policy "Parents can read their family's audit entries"
on audit.log
for select
to authenticated
using (private.is_family_parent(family_id));

-- Generic: attach with `execute function audit.record_change('<family id column>', '<secret column>', ...)`.
-- The first argument names the column holding the family id (default family_id); the rest are removed
-- from the stored rows so secrets never reach the log.
create function audit.record_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_old jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  v_new jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  v_family_column text := coalesce(tg_argv[0], 'family_id');
  i int;
begin
  if tg_nargs > 1 then
    for i in 1..tg_nargs - 1 loop
      v_old := v_old - tg_argv[i];
      v_new := v_new - tg_argv[i];
    end loop;
  end if;
  insert into audit.log (family_id, table_name, operation, actor_id, old_row, new_row)
  values (
    (coalesce(v_new, v_old) ->> v_family_column)::uuid,
    tg_table_schema || '.' || tg_table_name,
    tg_op,
    auth.uid(),
    v_old,
    v_new
  );
  return null;
end;
$$;

comment on function audit.record_change() is 'Trigger function: appends the change to audit.log. Args: family id column (default family_id), then columns to leave out.';
revoke execute on function audit.record_change() from public;

create trigger audit_families
after insert or update or delete on public.families
for each row execute function audit.record_change('id');

create trigger audit_family_members
after insert or update or delete on public.family_members
for each row execute function audit.record_change('family_id');

-- The API cannot reach the audit schema, so parents read their entries through this function. It runs
-- as the caller (security invoker): the RLS policy above decides what they see, so a child gets nothing.
create function public.get_family_audit_log(p_limit int default 50)
returns table (
  id bigint,
  table_name text,
  operation text,
  actor_id uuid,
  old_row jsonb,
  new_row jsonb,
  created_at timestamptz
)
language sql
stable
security invoker
set search_path = ''
as $$
  select l.id, l.table_name, l.operation, l.actor_id, l.old_row, l.new_row, l.created_at
    from audit.log l
   where l.family_id = private.my_family_id()
   order by l.created_at desc, l.id desc
   limit least(greatest(coalesce(p_limit, 50), 1), 200);
$$;

comment on function public.get_family_audit_log(int) is 'Newest audit entries of the caller''s family (parents only, by RLS on audit.log); at most 200.';
revoke execute on function public.get_family_audit_log(int) from public, anon;
grant execute on function public.get_family_audit_log(int) to authenticated, service_role;
