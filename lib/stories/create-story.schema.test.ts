import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createStorySchema, toStoryRequest } from './create-story.schema';
import { favouriteSchema, readingPathSchema, reportSegmentSchema } from './story-reader.schema';

const PIP = '0b5c3a52-6c1f-4a43-9a3e-3f7c2a1d9e01';
const LUNA = '5d6e7f80-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const form = {
  source: 'template',
  templateId: 'lost-pet',
  characterIds: `${PIP},${LUNA}`,
  themeId: 'friendship',
  ageBand: '7-9',
  length: 'short',
  modelId: 'builtin',
  idempotencyKey: 'story-key-0123456789abcdef',
};
const errorsOf = (input: unknown) => {
  const parsed = createStorySchema.safeParse(input);
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
};

describe('createStorySchema', () => {
  it('reads the wizard form and sends a template or a prompt, never both', () => {
    const input = createStorySchema.parse({ ...form, prompt: 'ignored for a template' });
    expect(toStoryRequest(input)).toEqual({
      templateId: 'lost-pet',
      prompt: null,
      characterIds: [PIP, LUNA],
      themeId: 'friendship',
      ageBand: '7-9',
      length: 'short',
      modelId: 'builtin',
    });
    const own = createStorySchema.parse({
      ...form,
      source: 'prompt',
      templateId: 'lost-pet',
      prompt: '  A snail race  ',
    });
    expect(toStoryRequest(own)).toMatchObject({ templateId: null, prompt: 'A snail race' });
  });

  it('refuses an empty idea, a missing template and over-long prompts', () => {
    expect(errorsOf({ ...form, source: 'prompt', prompt: '   ' }).prompt).toEqual(['Please describe your story idea.']);
    expect(errorsOf({ ...form, templateId: '' }).templateId).toEqual(['Please choose a story idea.']);
    expect(errorsOf({ ...form, templateId: '<script>' }).templateId).toEqual(['Please choose a story idea.']);
    expect(errorsOf({ ...form, source: 'prompt', prompt: 'x'.repeat(501) }).prompt).toEqual([
      'Please keep the story idea to 500 characters.',
    ]);
    expect(errorsOf({ ...form, source: 'anything' }).source).toBeDefined();
  });

  it('needs 1 to 4 different characters, each an id', () => {
    expect(errorsOf({ ...form, characterIds: '' }).characterIds).toEqual(['Please choose 1 to 4 characters.']);
    expect(errorsOf({ ...form, characterIds: `${PIP},${PIP}` }).characterIds).toEqual([
      'Each character can be chosen once.',
    ]);
    expect(errorsOf({ ...form, characterIds: 'pip-fox' }).characterIds).toEqual([
      'Please choose characters from the list.',
    ]);
    const five = Array.from({ length: 5 }, (_, i) => `0b5c3a52-6c1f-4a43-9a3e-3f7c2a1d9e0${i}`).join(',');
    expect(errorsOf({ ...form, characterIds: five }).characterIds).toEqual(['Please choose 1 to 4 characters.']);
    expect(createStorySchema.parse({ ...form, characterIds: [PIP] }).characterIds).toEqual([PIP]);
  });

  it('refuses unknown bands, lengths, odd slugs and a missing idempotency key', () => {
    const errors = errorsOf({
      ...form,
      ageBand: '13-15',
      length: 'epic',
      themeId: 'Friend ship',
      modelId: 5,
      idempotencyKey: 'short',
    });
    expect(Object.keys(errors).sort()).toEqual(['ageBand', 'idempotencyKey', 'length', 'modelId', 'themeId']);
  });
});

describe('reader schemas', () => {
  it('accept only ids, known reasons and bounded paths', () => {
    expect(reportSegmentSchema.safeParse({ segmentId: PIP, reason: 'scary' }).success).toBe(true);
    expect(reportSegmentSchema.safeParse({ segmentId: PIP, reason: 'boring' }).success).toBe(false);
    expect(reportSegmentSchema.safeParse({ segmentId: 'x', reason: 'scary' }).success).toBe(false);
    expect(readingPathSchema.safeParse({ storyId: PIP, path: [] }).success).toBe(false);
    expect(readingPathSchema.safeParse({ storyId: PIP, path: Array(65).fill(LUNA) }).success).toBe(false);
    expect(readingPathSchema.safeParse({ storyId: PIP, path: ['nope'] }).success).toBe(false);
    expect(favouriteSchema.parse({ storyId: PIP, favourite: 'false' }).favourite).toBe(false);
    expect(favouriteSchema.safeParse({ storyId: PIP, favourite: 'yes' }).success).toBe(false);
  });
});
