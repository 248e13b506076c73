import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { samplesMarkdown } from './samples';

describe('SAMPLES.md', () => {
  it('is what the engine writes today (run `npx tsx lib/story-engine/write-samples.ts` after changing it)', async () => {
    expect(readFileSync(new URL('./SAMPLES.md', import.meta.url), 'utf8')).toBe(await samplesMarkdown());
  });
});
