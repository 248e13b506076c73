import { describe, expect, it } from 'vitest';
import { parseLibraryFilter } from './library-filter.schema';

describe('parseLibraryFilter', () => {
  it('keeps what fits and drops the rest', () => {
    expect(parseLibraryFilter({ q: ' dragons ', band: '7-9', theme: 'courage', length: 'short' })).toEqual({
      q: 'dragons',
      band: '7-9',
      theme: 'courage',
      length: 'short',
    });
    expect(parseLibraryFilter({})).toEqual({});
    expect(parseLibraryFilter({ q: '   ', band: '13-15', theme: "x' or 1=1", length: ['long', 'short'] })).toEqual({
      length: 'long',
    });
    expect(parseLibraryFilter({ q: 'a'.repeat(201) }).q).toBeUndefined();
    expect(parseLibraryFilter({ sort: 'most_read' })).toEqual({ sort: 'most_read' });
    expect(parseLibraryFilter({ sort: 'random()' })).toEqual({});
  });
});
