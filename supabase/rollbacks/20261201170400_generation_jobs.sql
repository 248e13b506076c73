-- Undoes 20261201170400_generation_jobs.sql: the topic check as 20261201091000 made it, then the jobs.
create or replace function private.may_receive_family_topic(p_topic text)
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
drop table if exists public.generation_jobs;
drop function if exists private.broadcast_job_change();
drop type if exists public.generation_job_status;
drop type if exists public.generation_job_kind;
