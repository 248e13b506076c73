// The rules every stored story keeps, in a form the database work mirrors in SQL (a recursive walk
// from the start segment over story_choices):
// * the start segment exists and every segment id and choice id is unique;
// * every choice leaves from a known segment and leads to a known segment or is unexplored (null);
// * an ending has no choices; any other segment has at least one;
// * the choices of one segment lead to different segments;
// * every segment can be reached from the start (no orphans);
// * no cycles: a reader always moves forward, so a path is a list that ends, "turn to page N" in the
//   printed gamebook never loops, reading progress can be stored as the exact path, and the state a
//   segment continues (place, items, who is there) is well defined. Two choices may still lead to
//   the same later segment (the graph is a DAG, not necessarily a tree); the built-in writer only
//   writes trees, because a merged segment would have to fit two different pasts;
// * at least one ending is reachable from the start.

export interface GraphSegment {
  id: string;
  isEnding: boolean;
}

export interface GraphChoice {
  id: string;
  fromSegmentId: string;
  toSegmentId: string | null;
}

export interface StoryGraph {
  startSegmentId: string;
  segments: readonly GraphSegment[];
  choices: readonly GraphChoice[];
}

export type GraphProblemCode =
  | 'missing_start'
  | 'duplicate_segment'
  | 'duplicate_choice'
  | 'choice_from_unknown_segment'
  | 'choice_to_unknown_segment'
  | 'ending_has_choices'
  | 'dead_end'
  | 'duplicate_target'
  | 'orphan_segment'
  | 'cycle'
  | 'no_reachable_ending';

export interface GraphProblem {
  code: GraphProblemCode;
  segmentId?: string;
  choiceId?: string;
}

export interface GraphValidation {
  valid: boolean;
  problems: GraphProblem[];
}

export function validateStoryGraph(graph: StoryGraph): GraphValidation {
  const problems: GraphProblem[] = [];
  const segments = new Map<string, GraphSegment>();
  for (const segment of graph.segments) {
    if (segments.has(segment.id)) problems.push({ code: 'duplicate_segment', segmentId: segment.id });
    segments.set(segment.id, segment);
  }
  const choiceIds = new Set<string>();
  const outgoing = new Map<string, GraphChoice[]>();
  for (const choice of graph.choices) {
    if (choiceIds.has(choice.id)) problems.push({ code: 'duplicate_choice', choiceId: choice.id });
    choiceIds.add(choice.id);
    if (!segments.has(choice.fromSegmentId)) {
      problems.push({ code: 'choice_from_unknown_segment', choiceId: choice.id });
      continue;
    }
    if (choice.toSegmentId !== null && !segments.has(choice.toSegmentId)) {
      problems.push({ code: 'choice_to_unknown_segment', choiceId: choice.id });
    }
    outgoing.set(choice.fromSegmentId, [...(outgoing.get(choice.fromSegmentId) ?? []), choice]);
  }

  for (const segment of segments.values()) {
    const out = outgoing.get(segment.id) ?? [];
    if (segment.isEnding && out.length > 0) problems.push({ code: 'ending_has_choices', segmentId: segment.id });
    if (!segment.isEnding && out.length === 0) problems.push({ code: 'dead_end', segmentId: segment.id });
    const targets = out.map((c) => c.toSegmentId).filter((t): t is string => t !== null);
    if (new Set(targets).size !== targets.length) problems.push({ code: 'duplicate_target', segmentId: segment.id });
  }

  if (!segments.has(graph.startSegmentId)) {
    problems.push({ code: 'missing_start', segmentId: graph.startSegmentId });
    return { valid: false, problems };
  }

  // Depth-first from the start: grey = on the current path (meeting one again is a cycle), black = done.
  const colour = new Map<string, 'grey' | 'black'>();
  let endingReached = false;
  const visit = (id: string) => {
    colour.set(id, 'grey');
    if (segments.get(id)?.isEnding) endingReached = true;
    for (const choice of outgoing.get(id) ?? []) {
      const next = choice.toSegmentId;
      if (next === null || !segments.has(next)) continue;
      const seen = colour.get(next);
      if (seen === 'grey') problems.push({ code: 'cycle', choiceId: choice.id });
      else if (seen === undefined) visit(next);
    }
    colour.set(id, 'black');
  };
  visit(graph.startSegmentId);

  for (const id of segments.keys()) if (!colour.has(id)) problems.push({ code: 'orphan_segment', segmentId: id });
  if (!endingReached) problems.push({ code: 'no_reachable_ending' });
  return { valid: problems.length === 0, problems };
}
