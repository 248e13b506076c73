-- Undoes 20261201110500_audit_log_pages.sql: the newest-entries-only function and its index.
drop index audit.idx_audit_log_family_id_created_at_id;
create index idx_audit_log_family_id_created_at on audit.log (family_id, created_at desc);

drop function public.get_family_audit_log(int, timestamptz, bigint, uuid);
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
