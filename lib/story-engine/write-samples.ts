import { writeFileSync } from 'node:fs';
import { samplesMarkdown } from './samples';

// npx tsx lib/story-engine/write-samples.ts
writeFileSync(new URL('./SAMPLES.md', import.meta.url), await samplesMarkdown());
