-- Why: the activity list showed the newest 15 changes and nothing older; a parent must be able to page
-- back through all of them, for the whole family or for one child. Keyset pagination: the caller passes
-- the last entry it has (created_at, id) and gets the next older page, so pages stay stable while new
-- entries arrive and cost the same however far back they go. Still security invoker: RLS on audit.log
-- decides what the caller sees (a child gets nothing).

drop function public.get_family_audit_log(int);

create function public.get_family_audit_log(
  p_limit int default 50,
  p_before_at timestamptz default null,
  p_before_id bigint default null,
  p_child_id uuid default null
)
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
     and (p_before_at is null or (l.created_at, l.id) < (p_before_at, coalesce(p_before_id, 9223372036854775807)))
     -- One child's entries: rows about them (child_id), or their membership row (user_id).
     and (p_child_id is null
          or coalesce(l.new_row, l.old_row) ->> 'child_id' = p_child_id::text
          or (l.table_name = 'public.family_members' and coalesce(l.new_row, l.old_row) ->> 'user_id' = p_child_id::text))
   order by l.created_at desc, l.id desc
   limit least(greatest(coalesce(p_limit, 50), 1), 200);
$$;
comment on function public.get_family_audit_log(int, timestamptz, bigint, uuid) is 'Audit entries of the caller''s family (parents only, by RLS on audit.log), newest first, at most 200 per page: older than (p_before_at, p_before_id) when given, only about p_child_id when given.';
revoke execute on function public.get_family_audit_log(int, timestamptz, bigint, uuid) from public, anon;
grant execute on function public.get_family_audit_log(int, timestamptz, bigint, uuid) to authenticated, service_role;

-- The keyset's order, so each page is an index range scan.
drop index audit.idx_audit_log_family_id_created_at;
create index idx_audit_log_family_id_created_at_id on audit.log (family_id, created_at desc, id desc);
