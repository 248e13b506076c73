-- Puts back the pairs of read policies that 20261201160000_merge_permissive_read_policies.sql merged.

drop policy "The child and their family's parents can read the child's controls" on public.parental_controls;
create policy "Parents can read their children's controls"
on public.parental_controls for select to authenticated
using (private.is_family_parent(family_id));
create policy "Children can read their own controls"
on public.parental_controls for select to authenticated
using (child_id = (select auth.uid()));

drop policy "The child and their family's parents can read the child's reading time" on public.reading_time_entries;
create policy "Children can read their own reading time"
on public.reading_time_entries for select to authenticated
using (child_id = (select auth.uid()));
create policy "Parents can read their children's reading time"
on public.reading_time_entries for select to authenticated
using (private.is_family_parent(family_id));

drop policy "The child and their family's parents can read the child's requests" on public.approval_requests;
create policy "Children can read their own approval requests"
on public.approval_requests for select to authenticated
using (child_id = (select auth.uid()));
create policy "Parents can read their family's approval requests"
on public.approval_requests for select to authenticated
using (private.is_family_parent(family_id));

drop policy "Users can read their own profile and their family members'" on public.profiles;
create policy "Users can read their own profile"
on public.profiles for select to authenticated
using (id = (select auth.uid()));
create policy "Family members can read each other's profiles"
on public.profiles for select to authenticated
using (private.shares_family_with(id));
