import { describe, expect, it } from 'vitest';
import { fuzzyBest, fuzzyMatches } from './fuzzy';

describe('fuzzy set (PostgREST "Perhaps you meant" hints)', () => {
  it('an exact (case-insensitive) match scores 1 and hides the rest', () => {
    expect(fuzzyMatches(['Users', 'user_profiles'], 'users')).toEqual([[1, 'Users']]);
  });

  it('close names win; nothing sharing n-grams gives no suggestion', () => {
    expect(fuzzyBest(['rs_authors', 'rs_reviews', 'rs_tags'], 'rs_author')).toBe('rs_authors');
    expect(fuzzyBest(['films', 'directors'], 'film')).toBe('films');
    expect(fuzzyBest(['films', 'directors'], 'zzz')).toBeUndefined();
  });

  it('drops matches below a similarity of 0.33', () => {
    expect(fuzzyMatches(['abcdefghij'], 'abxxxxxxxx')).toEqual([]);
  });
});
