import { describe, expect, it } from 'vitest';
import type { StoryGraph } from './reading-path';
import { layoutStoryMap } from './story-map-layout';

const graph: StoryGraph = {
  start_segment_id: 's',
  story_segments: [
    { id: 's', is_ending: false, depth: 0 },
    { id: 'l', is_ending: false, depth: 1 },
    { id: 'r', is_ending: false, depth: 1 },
    { id: 'e1', is_ending: true, depth: 2 },
  ],
  story_choices: [
    { id: 'a', from_segment_id: 's', to_segment_id: 'l', position: 0, label: 'Left' },
    { id: 'b', from_segment_id: 's', to_segment_id: 'r', position: 1, label: 'Right' },
    { id: 'c', from_segment_id: 'l', to_segment_id: 'e1', position: 0, label: 'On' },
    { id: 'd', from_segment_id: 'r', to_segment_id: null, position: 0, label: 'Into the woods' },
    // A choice into a page that is hidden (reported) is an open end too.
    { id: 'x', from_segment_id: 'r', to_segment_id: 'gone', position: 1, label: 'Hidden' },
  ],
};

describe('layoutStoryMap', () => {
  const map = layoutStoryMap(graph, ['s', 'l', 'e1']);
  const node = (id: string) => map.nodes.find((n) => n.id === id);
  const y = (id: string) => node(id)?.y ?? Number.NaN;

  it('draws every page and every open end, deeper pages lower', () => {
    expect(map.nodes).toHaveLength(6);
    expect(node('open:d')).toMatchObject({ kind: 'unexplored', reachable: false, label: 'Into the woods' });
    expect(node('open:x')?.kind).toBe('unexplored');
    expect(node('s')?.kind).toBe('start');
    expect(node('e1')?.kind).toBe('ending');
    expect(y('s')).toBeLessThan(y('l'));
    expect(y('l')).toBeLessThan(y('e1'));
    expect(map.width).toBeGreaterThan(0);
    expect(map.height).toBeGreaterThan(0);
  });

  it('marks the path taken and what can be jumped to', () => {
    expect(
      map.nodes
        .filter((n) => n.visited)
        .map((n) => n.id)
        .sort(),
    ).toEqual(['e1', 'l', 's']);
    expect(map.nodes.filter((n) => n.current).map((n) => n.id)).toEqual(['e1']);
    expect(
      map.edges
        .filter((e) => e.onPath)
        .map((e) => e.id)
        .sort(),
    ).toEqual(['a', 'c']);
    expect(node('r')?.reachable).toBe(true);
    for (const edge of map.edges) expect(edge.points.length).toBeGreaterThanOrEqual(2);
  });
});
