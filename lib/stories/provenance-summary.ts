import { z } from 'zod';

// "Why was this shown?": a page's stored provenance (story_segments.provenance, lib/story-engine
// SegmentProvenance) as the lines a parent reads. Parsed, not trusted: a page written by an older
// engine, or a provenance missing a part, shows what there is and says what is missing.

const provenanceSchema = z.object({
  provider: z.string(),
  modelId: z.string(),
  engineVersion: z.number(),
  source: z.string(),
  inputsHash: z.string(),
  attempts: z.number(),
  readability: z.object({
    passed: z.boolean(),
    band: z.string(),
    words: z.number(),
    sentences: z.number(),
    wordsPerSentence: z.number(),
    longestSentence: z.number(),
    grade: z.number(),
  }),
  safety: z.object({ passed: z.boolean(), band: z.string(), listVersion: z.number() }),
});

export type ProvenanceLine = { label: string; value: string };

const PROVIDERS: Record<string, string> = {
  builtin: "Tale Forge's built-in storyteller (offline, no AI service)",
  http: 'A language model the family configured (OpenAI-compatible service)',
};

/** Where the page's words came from: a story idea (template) with its version, or a typed prompt. */
export function describeSource(source: string): string {
  return source
    .split('+')
    .map((part) => {
      const template = /^template:([a-z0-9-]+)@(\d+)$/.exec(part);
      if (template) return `story idea “${template[1]}”, version ${template[2]}`;
      const prompt = /^(http-)?prompt@(\d+)$/.exec(part);
      if (prompt) return `${prompt[1] ? "the model's instructions" : 'a typed story idea'}, version ${prompt[2]}`;
      return part;
    })
    .join(' + ');
}

export function provenanceLines(provenance: unknown): ProvenanceLine[] {
  const parsed = provenanceSchema.safeParse(provenance);
  if (!parsed.success) return [{ label: 'Provenance', value: 'Not recorded in full for this page.' }];
  const p = parsed.data;
  const r = p.readability;
  const drafts = p.attempts === 1 ? 'the first draft passed' : `${p.attempts} drafts, the last one passed`;
  return [
    { label: 'Written by', value: `${PROVIDERS[p.provider] ?? p.provider}, model ${p.modelId}` },
    { label: 'From', value: `${describeSource(p.source)} (engine version ${p.engineVersion})` },
    {
      label: 'Readability',
      value: `${r.passed ? 'Passed' : 'Failed'} for ages ${r.band}: ${r.words} words in ${r.sentences} sentences (${r.wordsPerSentence.toFixed(1)} a sentence, longest ${r.longestSentence}), grade ${r.grade.toFixed(1)}`,
    },
    {
      label: 'Safety check',
      value: `${p.safety.passed ? 'Passed' : 'Failed'} for ages ${p.safety.band} (word list version ${p.safety.listVersion}); ${drafts}`,
    },
    { label: 'Inputs hash', value: p.inputsHash },
  ];
}
