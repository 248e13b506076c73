// The reader's walk through a story graph, pure so it can be tested: where the reader is, what they
// can choose, what choosing or going back does to the path, and which endings they have not seen.

export type GraphSegment = { id: string; is_ending: boolean; depth: number };
export type GraphChoice = {
  id: string;
  from_segment_id: string;
  to_segment_id: string | null;
  position: number;
  label: string;
};
export type StoryGraph = {
  start_segment_id: string | null;
  story_segments: GraphSegment[];
  story_choices: GraphChoice[];
};

/** The choices of one page in their order; an unexplored one has no to_segment_id yet. */
export function choicesFrom<C extends GraphChoice>(graph: { story_choices: C[] }, segmentId: string): C[] {
  return graph.story_choices
    .filter((choice) => choice.from_segment_id === segmentId)
    .sort((a, b) => a.position - b.position);
}

/**
 * The longest prefix of a saved path that still fits the story (a page may have been hidden after a
 * report, a save may be older than a rewrite); at least the start page, or [] for a story without one.
 */
export function resumePath(graph: StoryGraph, saved: readonly string[] | null | undefined): string[] {
  const start = graph.start_segment_id;
  if (!start || !graph.story_segments.some((segment) => segment.id === start)) return [];
  const visible = new Set(graph.story_segments.map((segment) => segment.id));
  const path = [start];
  if (!saved?.length || saved[0] !== start) return path;
  for (const next of saved.slice(1)) {
    const here = path[path.length - 1];
    const fits = graph.story_choices.some((c) => c.from_segment_id === here && c.to_segment_id === next);
    if (!fits || !visible.has(next)) break;
    path.push(next);
  }
  return path;
}

/** The path after taking a choice of the current page, or null when the choice is not one of them or leads nowhere yet. */
export function takeChoice(graph: StoryGraph, path: readonly string[], choiceId: string): string[] | null {
  const here = path[path.length - 1];
  const choice = graph.story_choices.find((c) => c.id === choiceId && c.from_segment_id === here);
  if (!choice?.to_segment_id) return null;
  if (!graph.story_segments.some((segment) => segment.id === choice.to_segment_id)) return null;
  return [...path, choice.to_segment_id];
}

/** One step back (never before the start page). */
export function stepBack(path: readonly string[]): string[] {
  return path.length > 1 ? path.slice(0, -1) : [...path];
}

/** Endings the reader has not reached on this path: what the end screen offers next. */
export function otherEndings<S extends GraphSegment>(graph: { story_segments: S[] }, path: readonly string[]): S[] {
  const here = path[path.length - 1];
  return graph.story_segments.filter((segment) => segment.is_ending && segment.id !== here);
}

/**
 * The path to a page (start → page along explored choices), shortest first: how the map jumps to a
 * page and how the end screen leads to another ending. Null when the page cannot be reached.
 */
export function pathTo(graph: StoryGraph, segmentId: string): string[] | null {
  const start = graph.start_segment_id;
  if (!start) return null;
  const visible = new Set(graph.story_segments.map((segment) => segment.id));
  if (!visible.has(start)) return null;
  const previous = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const here = queue.shift() as string;
    if (here === segmentId) break;
    for (const choice of choicesFrom(graph, here)) {
      if (choice.to_segment_id && visible.has(choice.to_segment_id) && !previous.has(choice.to_segment_id)) {
        previous.set(choice.to_segment_id, here);
        queue.push(choice.to_segment_id);
      }
    }
  }
  if (!previous.has(segmentId)) return null;
  const path: string[] = [];
  for (let at: string | null = segmentId; at; at = previous.get(at) ?? null) path.unshift(at);
  return path;
}
