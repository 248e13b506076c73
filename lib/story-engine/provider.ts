import { createBuiltinProvider } from './builtin/builtin-provider';
import { createHttpProvider } from './http/http-provider';
import type { StoryProvider } from './types';

/**
 * The provider the job worker uses: the HTTP one when STORY_MODEL_URL is set (with STORY_MODEL_ID,
 * and STORY_MODEL_KEY for hosted models), otherwise the built-in writer.
 */
export function storyProviderFromEnv(env: Record<string, string | undefined> = process.env): StoryProvider {
  const url = env.STORY_MODEL_URL?.trim();
  if (!url) return createBuiltinProvider();
  return createHttpProvider({
    url,
    apiKey: env.STORY_MODEL_KEY?.trim() || null,
    model: env.STORY_MODEL_ID?.trim() || 'llama3.1',
    timeoutMs: env.STORY_MODEL_TIMEOUT_MS ? Number(env.STORY_MODEL_TIMEOUT_MS) : undefined,
  });
}
