-- Why: a growing library needs an order a family chooses: best match (search), newest, title, recently
-- read or most read. Reading data is reading_progress, read as the caller (security invoker): a parent
-- counts their family's readers (their own and their children's rows), a child only their own — so
-- "most read" means most read in our family, and nobody learns what other families read. The family's
-- own shelf (and its trash) gets the same orders through list_family_stories(). An unknown order is
-- refused (story_sort_unknown) rather than silently ignored.

create function private.assert_story_sort(p_sort text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_sort is null then
    return null;
  end if;
  if p_sort not in ('relevance', 'newest', 'title', 'recently_read', 'most_read') then
    perform private.raise_error('TF400', 'story_sort_unknown');
  end if;
  return p_sort;
end;
$$;
comment on function private.assert_story_sort(text) is 'The library''s orders: relevance, newest, title, recently_read, most_read (story_sort_unknown otherwise); null passes as null.';
revoke execute on function private.assert_story_sort(text) from public;
grant execute on function private.assert_story_sort(text) to authenticated;

drop function public.search_stories(text, public.age_band, text, public.story_length, int, int);

create function public.search_stories(
  p_query text default null,
  p_age_band public.age_band default null,
  p_theme text default null,
  p_length public.story_length default null,
  p_limit int default 20,
  p_offset int default 0,
  p_sort text default 'relevance'
)
returns setof public.stories
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  v_sort text := coalesce(private.assert_story_sort(p_sort), 'relevance');
  v_tsq tsquery := case when nullif(btrim(coalesce(p_query, '')), '') is null then null
                        else websearch_to_tsquery('english', left(p_query, 200)) end;
begin
  return query
  select s.* from public.stories s
   left join public.themes th on th.id = s.theme_id
   cross join lateral (
     select count(*)::int as readers, max(rp.updated_at) as last_read_at
       from public.reading_progress rp where rp.story_id = s.id
   ) reads
  where s.deleted_at is null and s.status = 'ready'
    and (v_tsq is null or s.search @@ v_tsq)
    and (p_age_band is null or s.age_band = p_age_band)
    and (p_theme is null or th.slug = p_theme)
    and (p_length is null or s.length = p_length)
  order by
    case when v_sort = 'relevance' and v_tsq is not null then ts_rank(s.search, v_tsq) end desc nulls last,
    case when v_sort = 'title' then lower(s.title) end asc,
    case when v_sort = 'recently_read' then reads.last_read_at end desc nulls last,
    case when v_sort = 'most_read' then reads.readers end desc nulls last,
    s.created_at desc, s.id
  limit least(greatest(coalesce(p_limit, 20), 1), 100)
  offset greatest(coalesce(p_offset, 0), 0);
end;
$$;
comment on function public.search_stories(text, public.age_band, text, public.story_length, int, int, text) is 'Signed-in readers: the stories they may read (RLS) matching a web-search style query (title and summary, English stemming); filters by age band, theme slug and length; ordered by p_sort (relevance: best match then newest; newest; title; recently_read / most_read: by the reading progress the caller can see); at most 100 per page.';
revoke execute on function public.search_stories(text, public.age_band, text, public.story_length, int, int, text) from public, anon;
grant execute on function public.search_stories(text, public.age_band, text, public.story_length, int, int, text) to authenticated;

create function public.list_family_stories(
  p_trash boolean default false,
  p_sort text default 'newest',
  p_limit int default 50,
  p_offset int default 0
)
returns setof public.stories
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  v_sort text := coalesce(private.assert_story_sort(p_sort), 'newest');
begin
  return query
  select s.* from public.stories s
   cross join lateral (
     select count(*)::int as readers, max(rp.updated_at) as last_read_at
       from public.reading_progress rp where rp.story_id = s.id
   ) reads
  where s.family_id = (select private.my_family_id())
    and (s.deleted_at is not null) = coalesce(p_trash, false)
  order by
    case when p_trash then s.deleted_at end desc nulls last,
    case when v_sort = 'title' then lower(s.title) end asc,
    case when v_sort = 'recently_read' then reads.last_read_at end desc nulls last,
    case when v_sort = 'most_read' then reads.readers end desc nulls last,
    s.created_at desc, s.id
  limit least(greatest(coalesce(p_limit, 50), 1), 100)
  offset greatest(coalesce(p_offset, 0), 0);
end;
$$;
comment on function public.list_family_stories(boolean, text, int, int) is 'The caller''s family shelf as RLS shows it to them (any status): not in the trash, or (p_trash) the trash, most recently trashed first (parents only: children never see the trash). Ordered by p_sort like search_stories (relevance counts as newest); at most 100 per page.';
revoke execute on function public.list_family_stories(boolean, text, int, int) from public, anon;
grant execute on function public.list_family_stories(boolean, text, int, int) to authenticated;
