import { describe, expect, it } from 'vitest';
import { gamebookPages } from './gamebook';

const seg = (id: string, key: string, depth: number, is_ending = false) => ({ id, key, depth, text: id, is_ending });

describe('gamebookPages', () => {
  const story = {
    start_segment_id: 's',
    story_segments: [seg('e', 's1b', 2, true), seg('b', 's1a', 1), seg('s', 's0', 0), seg('c', 's1c', 1)],
    story_choices: [
      { id: 'x', from_segment_id: 's', to_segment_id: 'c', position: 1, label: 'Right' },
      { id: 'y', from_segment_id: 's', to_segment_id: 'b', position: 0, label: 'Left' },
      { id: 'z', from_segment_id: 'b', to_segment_id: 'e', position: 0, label: 'On' },
      { id: 'w', from_segment_id: 'c', to_segment_id: null, position: 0, label: 'Open' },
      // Into a page this reader cannot see (hidden): no page number to turn to.
      { id: 'v', from_segment_id: 'c', to_segment_id: 'gone', position: 1, label: 'Hidden' },
    ],
  };

  it('numbers pages from the start in graph order, and choices turn to those numbers', () => {
    const pages = gamebookPages(story);
    expect(pages.map((p) => [p.number, p.segment.id])).toEqual([
      [1, 's'],
      [2, 'b'],
      [3, 'c'],
      [4, 'e'],
    ]);
    expect(pages[0].choices).toEqual([
      { label: 'Left', turnTo: 2 },
      { label: 'Right', turnTo: 3 },
    ]);
    expect(pages[2].choices).toEqual([
      { label: 'Open', turnTo: null },
      { label: 'Hidden', turnTo: null },
    ]);
    // Same story, shuffled rows: the same numbers.
    const shuffled = { ...story, story_segments: [...story.story_segments].reverse() };
    expect(gamebookPages(shuffled).map((p) => p.segment.id)).toEqual(pages.map((p) => p.segment.id));
  });
});
