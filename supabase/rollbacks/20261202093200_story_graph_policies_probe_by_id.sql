-- Undoes 20261202093200_story_graph_policies_probe_by_id.sql: the graph's policies with exists() again.

alter policy "Anyone can read the pages of public stories" on public.story_segments
  using (hidden_at is null and exists (select 1 from public.stories s where s.id = story_id));

alter policy "Readers can read the pages of stories they may read" on public.story_segments
  using (
    exists (select 1 from public.stories s where s.id = story_id)
    and (hidden_at is null
         or exists (select 1 from public.stories s where s.id = story_id and s.family_id = (select private.my_parent_family_id())))
  );

alter policy "Anyone can read the choices of public stories" on public.story_choices
  using (exists (select 1 from public.stories s where s.id = story_id));

alter policy "Readers can read the choices of stories they may read" on public.story_choices
  using (exists (select 1 from public.stories s where s.id = story_id));

alter policy "Anyone can read the cast of public stories" on public.story_characters
  using (exists (select 1 from public.stories s where s.id = story_id));

alter policy "Readers can read the cast of stories they may read" on public.story_characters
  using (exists (select 1 from public.stories s where s.id = story_id));
