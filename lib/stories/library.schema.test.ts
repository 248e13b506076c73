import { describe, expect, it } from 'vitest';
import { renameStorySchema, reviewPublicRequestSchema, storyVisibilitySchema, tidyTitle } from './library.schema';
import { LIBRARY_SORTS, shelfSort } from './library-sort';

const storyId = '6f1c0b0e-2f4a-4d8e-9a52-3b0f1e7c9d21';

describe('renameStorySchema', () => {
  it('tidies spaces as the database does and keeps 1 to 120 characters', () => {
    expect(renameStorySchema.parse({ storyId, title: '  The   big\tday ' })).toEqual({ storyId, title: 'The big day' });
    expect(tidyTitle(' a  b ')).toBe('a b');
    expect(renameStorySchema.safeParse({ storyId, title: 'x'.repeat(120) }).success).toBe(true);
  });

  it('refuses an empty, blank or over-long title and a bad story id', () => {
    for (const title of ['', '   ', 'x'.repeat(121)]) {
      expect(renameStorySchema.safeParse({ storyId, title }).success).toBe(false);
    }
    expect(renameStorySchema.safeParse({ storyId: 'not-a-uuid', title: 'Fine' }).success).toBe(false);
  });
});

describe('storyVisibilitySchema', () => {
  it('takes private or family, never public (that needs a moderator)', () => {
    expect(storyVisibilitySchema.parse({ storyId, visibility: 'family' }).visibility).toBe('family');
    expect(storyVisibilitySchema.safeParse({ storyId, visibility: 'public' }).success).toBe(false);
  });
});

describe('reviewPublicRequestSchema', () => {
  it('takes a decision and an optional note of at most 500 characters', () => {
    expect(reviewPublicRequestSchema.parse({ requestId: storyId, decision: 'reject', note: '  ' })).toEqual({
      requestId: storyId,
      decision: 'reject',
      note: undefined,
    });
    expect(reviewPublicRequestSchema.safeParse({ requestId: storyId, decision: 'maybe' }).success).toBe(false);
    expect(
      reviewPublicRequestSchema.safeParse({ requestId: storyId, decision: 'approve', note: 'n'.repeat(501) }).success,
    ).toBe(false);
  });
});

describe('shelfSort', () => {
  it('the family shelf orders newest first unless another order was chosen', () => {
    expect(shelfSort(undefined)).toBe('newest');
    expect(shelfSort('relevance')).toBe('newest');
    for (const sort of LIBRARY_SORTS.filter((s) => s !== 'relevance')) expect(shelfSort(sort)).toBe(sort);
  });
});
