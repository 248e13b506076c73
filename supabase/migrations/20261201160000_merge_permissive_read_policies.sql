-- Why: four tables had two permissive SELECT policies for `authenticated` (the child's own rows, and the
-- family's parents), which Postgres evaluates one after the other for every row and which Supabase's
-- Performance Advisor flags (multiple_permissive_policies). Each pair becomes one policy whose condition
-- is the OR of the two, so who reads what is exactly as before (supabase/tests/rls/ and the access matrix
-- in supabase/tests/access/ prove it, siblings included).

drop policy "Children can read their own controls" on public.parental_controls;
drop policy "Parents can read their children's controls" on public.parental_controls;
create policy "The child and their family's parents can read the child's controls"
on public.parental_controls
for select
to authenticated
using (child_id = (select auth.uid()) or private.is_family_parent(family_id));

drop policy "Children can read their own reading time" on public.reading_time_entries;
drop policy "Parents can read their children's reading time" on public.reading_time_entries;
create policy "The child and their family's parents can read the child's reading time"
on public.reading_time_entries
for select
to authenticated
using (child_id = (select auth.uid()) or private.is_family_parent(family_id));

drop policy "Children can read their own approval requests" on public.approval_requests;
drop policy "Parents can read their family's approval requests" on public.approval_requests;
create policy "The child and their family's parents can read the child's requests"
on public.approval_requests
for select
to authenticated
using (child_id = (select auth.uid()) or private.is_family_parent(family_id));

-- A user without a family (a child account before add_child) still reads their own profile.
drop policy "Users can read their own profile" on public.profiles;
drop policy "Family members can read each other's profiles" on public.profiles;
create policy "Users can read their own profile and their family members'"
on public.profiles
for select
to authenticated
using (id = (select auth.uid()) or private.shares_family_with(id));
