-- Why: the pages, choices and cast of a story are readable when their story is (the stories policy
-- decides). Written as `exists (select 1 from public.stories s where s.id = story_id)`, the planner
-- runs that check as a hashed subplan: a sequential scan over every story the reader may see, for each
-- of the three relations of the reader's one request — work that grows with the library, not with the
-- story. As a scalar subquery on the primary key it is an index probe per row (a story's few pages),
-- the same rule: the subquery sees stories through their policy, returns the id when the story is
-- visible and null otherwise, and `story_id = null` is not true. Hidden pages keep their own clause.

alter policy "Anyone can read the pages of public stories" on public.story_segments
  using (hidden_at is null and story_id = (select s.id from public.stories s where s.id = story_id));

alter policy "Readers can read the pages of stories they may read" on public.story_segments
  using (
    story_id = (select s.id from public.stories s where s.id = story_id)
    and (hidden_at is null
         or exists (select 1 from public.stories s where s.id = story_id and s.family_id = (select private.my_parent_family_id())))
  );

alter policy "Anyone can read the choices of public stories" on public.story_choices
  using (story_id = (select s.id from public.stories s where s.id = story_id));

alter policy "Readers can read the choices of stories they may read" on public.story_choices
  using (story_id = (select s.id from public.stories s where s.id = story_id));

alter policy "Anyone can read the cast of public stories" on public.story_characters
  using (story_id = (select s.id from public.stories s where s.id = story_id));

alter policy "Readers can read the cast of stories they may read" on public.story_characters
  using (story_id = (select s.id from public.stories s where s.id = story_id));
