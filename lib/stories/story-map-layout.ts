import dagre from '@dagrejs/dagre';
import { pathTo, type StoryGraph } from './reading-path';

// The story map: a story's graph laid out top to bottom by dagre (a directed acyclic graph: every
// choice leads one page deeper), with the reader's path marked, unexplored choices as open ends, and
// which pages can be jumped to (those reachable along written choices).

export const MAP_NODE = { width: 44, height: 44 } as const;

export type MapNode = {
  id: string;
  x: number;
  y: number;
  kind: 'start' | 'page' | 'ending' | 'unexplored';
  /** On the reader's path (the current page is the last one). */
  visited: boolean;
  current: boolean;
  /** A page that can be jumped to. */
  reachable: boolean;
  /** The choice that leads here (for the label of an open end or the page's first choice). */
  label: string | null;
};

export type MapEdge = { id: string; from: string; to: string; points: { x: number; y: number }[]; onPath: boolean };

export type StoryMapLayout = { nodes: MapNode[]; edges: MapEdge[]; width: number; height: number };

const unexploredId = (choiceId: string) => `open:${choiceId}`;

export function layoutStoryMap(graph: StoryGraph, path: readonly string[]): StoryMapLayout {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 18, ranksep: 36, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));

  const pages = new Set(graph.story_segments.map((segment) => segment.id));
  const visited = new Set(path);
  const steps = new Set(path.slice(1).map((to, i) => `${path[i]}>${to}`));
  const labels = new Map<string, string>();

  for (const segment of graph.story_segments) g.setNode(segment.id, { ...MAP_NODE });
  const edges: { id: string; from: string; to: string }[] = [];
  for (const choice of graph.story_choices) {
    if (!pages.has(choice.from_segment_id)) continue;
    // A choice into a hidden page or into nothing yet is an open end of the map.
    const to = choice.to_segment_id && pages.has(choice.to_segment_id) ? choice.to_segment_id : unexploredId(choice.id);
    if (!pages.has(to)) g.setNode(to, { ...MAP_NODE });
    if (!labels.has(to)) labels.set(to, choice.label);
    g.setEdge(choice.from_segment_id, to);
    edges.push({ id: choice.id, from: choice.from_segment_id, to });
  }
  // One edge per pair of pages: two choices between the same pages (the engine writes none) share a line.
  dagre.layout(g);

  const endings = new Set(graph.story_segments.filter((s) => s.is_ending).map((s) => s.id));
  const current = path[path.length - 1];
  const nodes: MapNode[] = g.nodes().map((id) => {
    const { x, y } = g.node(id);
    const isPage = pages.has(id);
    return {
      id,
      x,
      y,
      kind: !isPage ? 'unexplored' : id === graph.start_segment_id ? 'start' : endings.has(id) ? 'ending' : 'page',
      visited: visited.has(id),
      current: id === current,
      reachable: isPage && pathTo(graph, id) !== null,
      label: labels.get(id) ?? null,
    };
  });
  const laidOut = edges.map((edge) => ({
    ...edge,
    points: g.edge(edge.from, edge.to)?.points ?? [],
    onPath: steps.has(`${edge.from}>${edge.to}`),
  }));
  const { width = 0, height = 0 } = g.graph();
  return { nodes, edges: laidOut, width, height };
}
