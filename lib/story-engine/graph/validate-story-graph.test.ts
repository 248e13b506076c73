import { describe, expect, it } from 'vitest';
import { type StoryGraph, validateStoryGraph } from './validate-story-graph';

const seg = (id: string, isEnding = false) => ({ id, isEnding });
const choice = (id: string, fromSegmentId: string, toSegmentId: string | null) => ({ id, fromSegmentId, toSegmentId });

const valid: StoryGraph = {
  startSegmentId: 's',
  segments: [seg('s'), seg('a'), seg('b', true), seg('c', true)],
  choices: [choice('s1', 's', 'a'), choice('s2', 's', null), choice('a1', 'a', 'b'), choice('a2', 'a', 'c')],
};

const codes = (graph: StoryGraph) => validateStoryGraph(graph).problems.map((p) => p.code);

describe('validateStoryGraph', () => {
  it('accepts a story with an unexplored choice and two endings', () => {
    expect(validateStoryGraph(valid)).toEqual({ valid: true, problems: [] });
  });

  it('accepts two choices meeting at the same later page (a DAG)', () => {
    const merge: StoryGraph = {
      startSegmentId: 's',
      segments: [seg('s'), seg('a'), seg('c', true)],
      choices: [choice('s1', 's', 'a'), choice('s2', 's', 'c'), choice('a1', 'a', 'c')],
    };
    expect(validateStoryGraph(merge).valid).toBe(true);
  });

  it('needs its start page', () => {
    expect(codes({ ...valid, startSegmentId: 'nope' })).toContain('missing_start');
  });

  it('rejects choices to or from pages that do not exist', () => {
    expect(codes({ ...valid, choices: [...valid.choices, choice('x', 'ghost', 'a')] })).toContain(
      'choice_from_unknown_segment',
    );
    expect(codes({ ...valid, choices: [...valid.choices.slice(1), choice('s1', 's', 'ghost')] })).toContain(
      'choice_to_unknown_segment',
    );
  });

  it('rejects duplicate ids', () => {
    expect(codes({ ...valid, segments: [...valid.segments, seg('a')] })).toContain('duplicate_segment');
    expect(codes({ ...valid, choices: [...valid.choices, choice('a1', 'a', null)] })).toContain('duplicate_choice');
  });

  it('rejects an ending with choices and a middle page without any', () => {
    expect(codes({ ...valid, choices: [...valid.choices, choice('b1', 'b', null)] })).toContain('ending_has_choices');
    expect(codes({ ...valid, segments: valid.segments.map((s) => (s.id === 'c' ? seg('c', false) : s)) })).toContain(
      'dead_end',
    );
  });

  it('rejects two choices of one page that lead to the same page', () => {
    expect(
      codes({ ...valid, choices: [choice('s1', 's', 'a'), choice('s2', 's', 'a'), ...valid.choices.slice(2)] }),
    ).toContain('duplicate_target');
  });

  it('finds orphans, cycles and missing endings', () => {
    expect(codes({ ...valid, segments: [...valid.segments, seg('lost', true)] })).toEqual(['orphan_segment']);
    expect(codes({ ...valid, choices: [...valid.choices.slice(0, 3), choice('a2', 'a', 's')] })).toContain('cycle');
    const noEnding: StoryGraph = {
      startSegmentId: 's',
      segments: [seg('s'), seg('a')],
      choices: [choice('s1', 's', 'a'), choice('a1', 'a', null)],
    };
    expect(codes(noEnding)).toEqual(['no_reachable_ending']);
  });

  it('does not count an ending that cannot be reached from the start', () => {
    const graph: StoryGraph = {
      startSegmentId: 's',
      segments: [seg('s'), seg('end', true)],
      choices: [choice('s1', 's', null)],
    };
    expect(codes(graph)).toEqual(['orphan_segment', 'no_reachable_ending']);
  });
});
