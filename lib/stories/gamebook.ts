// A story as a printable gamebook: every page gets a number and every choice says "turn to page N".
// Numbers follow the graph's order (depth, then the page's key), so the same story always prints the
// same numbers; the start is page 1.

export type BookSegment = { id: string; key: string; depth: number; text: string; is_ending: boolean };
export type BookChoice = {
  id: string;
  from_segment_id: string;
  to_segment_id: string | null;
  position: number;
  label: string;
};

export type GamebookPage<S extends BookSegment> = {
  number: number;
  segment: S;
  choices: { label: string; turnTo: number | null }[];
};

export function gamebookPages<S extends BookSegment>(story: {
  start_segment_id: string | null;
  story_segments: S[];
  story_choices: BookChoice[];
}): GamebookPage<S>[] {
  const ordered = [...story.story_segments].sort((a, b) => {
    if (a.id === story.start_segment_id) return -1;
    if (b.id === story.start_segment_id) return 1;
    return a.depth - b.depth || a.key.localeCompare(b.key);
  });
  const numberOf = new Map(ordered.map((segment, index) => [segment.id, index + 1]));
  return ordered.map((segment, index) => ({
    number: index + 1,
    segment,
    choices: story.story_choices
      .filter((choice) => choice.from_segment_id === segment.id)
      .sort((a, b) => a.position - b.position)
      .map((choice) => ({
        label: choice.label,
        turnTo: choice.to_segment_id ? (numberOf.get(choice.to_segment_id) ?? null) : null,
      })),
  }));
}
