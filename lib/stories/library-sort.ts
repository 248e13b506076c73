// The library's orders, as public.search_stories and public.list_family_stories take them (p_sort).
// Reading counts are what the caller may see (RLS on reading_progress): for a parent, their family's.

export const LIBRARY_SORTS = ['relevance', 'newest', 'title', 'recently_read', 'most_read'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

export const LIBRARY_SORT_LABELS: Record<LibrarySort, string> = {
  relevance: 'Best match',
  newest: 'Newest',
  title: 'Title (A–Z)',
  recently_read: 'Recently read',
  most_read: 'Most read',
};

/** The family shelf has no search words to match, so "best match" (the default) means newest there. */
export function shelfSort(sort: LibrarySort | undefined): LibrarySort {
  return !sort || sort === 'relevance' ? 'newest' : sort;
}
