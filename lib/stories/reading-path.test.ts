import { describe, expect, it } from 'vitest';
import { choicesFrom, otherEndings, pathTo, resumePath, type StoryGraph, stepBack, takeChoice } from './reading-path';

// start ─a→ left ─c→ end1
//       └b→ right ─d→ end2
//               └e→ (unexplored)
const graph: StoryGraph = {
  start_segment_id: 's',
  story_segments: [
    { id: 's', is_ending: false, depth: 0 },
    { id: 'l', is_ending: false, depth: 1 },
    { id: 'r', is_ending: false, depth: 1 },
    { id: 'e1', is_ending: true, depth: 2 },
    { id: 'e2', is_ending: true, depth: 2 },
  ],
  story_choices: [
    { id: 'b', from_segment_id: 's', to_segment_id: 'r', position: 1, label: 'Right' },
    { id: 'a', from_segment_id: 's', to_segment_id: 'l', position: 0, label: 'Left' },
    { id: 'c', from_segment_id: 'l', to_segment_id: 'e1', position: 0, label: 'On' },
    { id: 'd', from_segment_id: 'r', to_segment_id: 'e2', position: 0, label: 'On' },
    { id: 'e', from_segment_id: 'r', to_segment_id: null, position: 1, label: 'Somewhere new' },
  ],
};

describe('reading path', () => {
  it('lists a page’s choices in their order, unexplored ones included', () => {
    expect(choicesFrom(graph, 's').map((c) => c.id)).toEqual(['a', 'b']);
    expect(choicesFrom(graph, 'r').map((c) => c.to_segment_id)).toEqual(['e2', null]);
    expect(choicesFrom(graph, 'e1')).toEqual([]);
  });

  it('resumes a saved path and keeps only the prefix that still fits', () => {
    expect(resumePath(graph, null)).toEqual(['s']);
    expect(resumePath(graph, ['s', 'r', 'e2'])).toEqual(['s', 'r', 'e2']);
    // A jump that is not a choice, a page that is gone, a path of another story.
    expect(resumePath(graph, ['s', 'e1'])).toEqual(['s']);
    expect(
      resumePath({ ...graph, story_segments: graph.story_segments.filter((s) => s.id !== 'e2') }, ['s', 'r', 'e2']),
    ).toEqual(['s', 'r']);
    expect(resumePath(graph, ['x', 'l'])).toEqual(['s']);
    expect(resumePath({ ...graph, start_segment_id: null }, ['s'])).toEqual([]);
  });

  it('takes only a choice of the current page that leads somewhere', () => {
    expect(takeChoice(graph, ['s'], 'a')).toEqual(['s', 'l']);
    expect(takeChoice(graph, ['s'], 'c')).toBeNull();
    expect(takeChoice(graph, ['s', 'r'], 'e')).toBeNull();
    expect(takeChoice(graph, ['s'], 'nope')).toBeNull();
  });

  it('steps back but never before the start', () => {
    expect(stepBack(['s', 'l'])).toEqual(['s']);
    expect(stepBack(['s'])).toEqual(['s']);
  });

  it('offers the endings not reached yet and finds the way to any page', () => {
    expect(otherEndings(graph, ['s', 'l', 'e1']).map((s) => s.id)).toEqual(['e2']);
    expect(pathTo(graph, 'e2')).toEqual(['s', 'r', 'e2']);
    expect(pathTo(graph, 's')).toEqual(['s']);
    expect(pathTo(graph, 'nowhere')).toBeNull();
    // A hidden (reported) page is no way through.
    const withoutRight = { ...graph, story_segments: graph.story_segments.filter((s) => s.id !== 'r') };
    expect(pathTo(withoutRight, 'e2')).toBeNull();
  });
});
