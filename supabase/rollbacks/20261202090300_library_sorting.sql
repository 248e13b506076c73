-- Undoes 20261202090300_library_sorting.sql: search_stories as 20261201170200_stories.sql made it.
drop function if exists public.list_family_stories(boolean, text, int, int);
drop function if exists public.search_stories(text, public.age_band, text, public.story_length, int, int, text);
drop function if exists private.assert_story_sort(text);

-- Without a query: newest first.
create function public.search_stories(
  p_query text default null,
  p_age_band public.age_band default null,
  p_theme text default null,
  p_length public.story_length default null,
  p_limit int default 20,
  p_offset int default 0
)
returns setof public.stories
language sql
stable
security invoker
set search_path = ''
as $$
  with q as (
    select case when nullif(btrim(coalesce(p_query, '')), '') is null then null
                else websearch_to_tsquery('english', left(p_query, 200)) end as tsq
  )
  select s.* from public.stories s
   cross join q
   left join public.themes th on th.id = s.theme_id
  where s.deleted_at is null and s.status = 'ready'
    and (q.tsq is null or s.search @@ q.tsq)
    and (p_age_band is null or s.age_band = p_age_band)
    and (p_theme is null or th.slug = p_theme)
    and (p_length is null or s.length = p_length)
  order by case when q.tsq is null then 0 else ts_rank(s.search, q.tsq) end desc, s.created_at desc, s.id
  limit least(greatest(coalesce(p_limit, 20), 1), 100)
  offset greatest(coalesce(p_offset, 0), 0);
$$;
comment on function public.search_stories(text, public.age_band, text, public.story_length, int, int) is 'Signed-in readers: the stories they may read (RLS) matching a web-search style query (title and summary, English stemming), ranked; filters by age band, theme slug and length; at most 100 per page.';
revoke execute on function public.search_stories(text, public.age_band, text, public.story_length, int, int) from public, anon;
grant execute on function public.search_stories(text, public.age_band, text, public.story_length, int, int) to authenticated;
