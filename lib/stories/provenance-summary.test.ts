import { describe, expect, it } from 'vitest';
import { createBuiltinProvider, LIBRARY_CHARACTERS } from '@/lib/story-engine';
import { describeSource, provenanceLines } from './provenance-summary';

describe('provenanceLines', () => {
  it('turns a page the engine wrote into the lines a parent reads', async () => {
    const { story } = await createBuiltinProvider().generateStory({
      templateId: 'lost-pet',
      prompt: null,
      characters: [LIBRARY_CHARACTERS[0]],
      themeId: 'friendship',
      moralId: null,
      ageBand: '4-6',
      length: 'short',
      seed: 3,
    });
    const lines = provenanceLines(story.segments[0].provenance);
    expect(lines.map((l) => l.label)).toEqual(['Written by', 'From', 'Readability', 'Safety check', 'Inputs hash']);
    expect(lines[0].value).toContain('built-in storyteller');
    expect(lines[1].value).toMatch(/^story idea “lost-pet”, version \d+ \(engine version \d+\)$/);
    expect(lines[2].value).toMatch(/^Passed for ages 4-6: \d+ words in \d+ sentences/);
    expect(lines[3].value).toMatch(/^Passed for ages 4-6 \(word list version \d+\)/);
    expect(lines[4].value).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('says so when a provenance is missing parts, and shows no invented values', () => {
    for (const bad of [null, {}, { provider: 'builtin' }, 'text', { ...validish(), readability: null }]) {
      expect(provenanceLines(bad)).toEqual([{ label: 'Provenance', value: 'Not recorded in full for this page.' }]);
    }
  });

  it('counts drafts and names an unknown provider as it is', () => {
    const lines = provenanceLines({ ...validish(), provider: 'other', attempts: 3 });
    expect(lines[0].value).toBe('other, model m-1');
    expect(lines[3].value).toContain('3 drafts, the last one passed');
  });
});

describe('describeSource', () => {
  it('reads templates and prompts with their versions, and keeps anything else as it is', () => {
    expect(describeSource('template:lost-pet@2')).toBe('story idea “lost-pet”, version 2');
    expect(describeSource('http-prompt@1+prompt@1+template:space-trip@3')).toBe(
      "the model's instructions, version 1 + a typed story idea, version 1 + story idea “space-trip”, version 3",
    );
    expect(describeSource('<b>odd</b>')).toBe('<b>odd</b>');
  });
});

function validish() {
  return {
    provider: 'builtin',
    modelId: 'm-1',
    engineVersion: 1,
    source: 'template:lost-pet@1',
    inputsHash: 'sha256:00',
    attempts: 1,
    readability: {
      passed: true,
      band: '7-9',
      words: 90,
      sentences: 8,
      wordsPerSentence: 11.25,
      longestSentence: 15,
      grade: 3.2,
    },
    safety: { passed: true, band: '7-9', listVersion: 1 },
  };
}
