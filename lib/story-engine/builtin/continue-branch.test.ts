import { describe, expect, it } from 'vitest';
import { isStoryEngineError } from '../errors';
import { validateStoryGraph } from '../graph/validate-story-graph';
import type { Story } from '../types';
import { createBuiltinProvider } from './builtin-provider';
import { variedRequest } from './test-requests';

const provider = createBuiltinProvider();

async function storyWithUnexplored(): Promise<Story> {
  const { story } = await provider.generateStory({ ...variedRequest('7-9', 11), length: 'medium' });
  return story;
}

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return isStoryEngineError(error) ? error.code : String(error);
  }
};

describe('continueBranch', () => {
  it('writes the pages behind an unexplored choice, down to an ending, and links them in', async () => {
    const story = await storyWithUnexplored();
    const before = structuredClone(story);
    const choice = story.choices.find((c) => c.toSegmentId === null);
    if (!choice) throw new Error('the medium story should leave a choice unexplored');

    const result = await provider.continueBranch(story, choice.id, 99);

    const from = story.segments.find((s) => s.id === choice.fromSegmentId);
    expect(result.segments).toHaveLength(story.pathLength - 1 - (from?.depth ?? 0));
    expect(result.segments.at(-1)?.isEnding).toBe(true);
    expect(result.segments[0].id).toBe(`${choice.fromSegmentId}.${choice.id.split(':c')[1]}`);
    expect(result.segments[0].settingId).toBe(choice.continuation.move?.toSettingId);
    expect(result.story.choices.find((c) => c.id === choice.id)?.toSegmentId).toBe(result.segments[0].id);
    expect(result.choices[0]).toMatchObject({ id: choice.id, toSegmentId: result.segments[0].id });
    expect(validateStoryGraph(result.story)).toEqual({ valid: true, problems: [] });
    expect(result.story.segments).toHaveLength(story.segments.length + result.segments.length);
    // It continues the page it grows from: same cast, places not yet visited on that path.
    for (const segment of result.segments) {
      for (const id of from?.characterIds ?? []) expect(segment.characterIds).toContain(id);
      expect(from?.state.visited).not.toContain(segment.settingId);
      expect(segment.provenance.readability.passed && segment.provenance.safety.passed).toBe(true);
    }
    expect(result.provenance.segmentIds).toEqual(result.segments.map((s) => s.id));
    // The story passed in is left as it was.
    expect(story).toEqual(before);
  });

  it('is deterministic for a seed, and works on a story that went through JSON (as stored)', async () => {
    const story = await storyWithUnexplored();
    const choice = story.choices.find((c) => c.toSegmentId === null);
    if (!choice) throw new Error('no unexplored choice');
    const a = await provider.continueBranch(story, choice.id, 5);
    const b = await provider.continueBranch(JSON.parse(JSON.stringify(story)), choice.id, 5);
    const c = await provider.continueBranch(story, choice.id, 6);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(c.segments.map((s) => s.text)).not.toEqual(a.segments.map((s) => s.text));
  });

  it('refuses an unknown choice, an explored one and a broken story', async () => {
    const story = await storyWithUnexplored();
    const explored = story.choices.find((c) => c.toSegmentId !== null);
    expect(await codeOf(provider.continueBranch(story, 'no-such-choice', 1))).toBe('unknown_choice');
    expect(await codeOf(provider.continueBranch(story, explored?.id ?? '', 1))).toBe('choice_already_explored');
    const broken = { ...story, segments: story.segments.filter((s) => s.isEnding) };
    const unexplored = story.choices.find((c) => c.toSegmentId === null);
    expect(await codeOf(provider.continueBranch(broken, unexplored?.id ?? '', 1))).toBe('story_invalid');
  });
});
