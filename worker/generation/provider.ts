import { createBuiltinProvider, createHttpProvider, type StoryProvider } from '@/lib/story-engine';
import { ProviderNotConfiguredError } from './failure';

export interface ModelRow {
  slug: string;
  provider: 'builtin' | 'http';
  provider_model_id: string;
}

/**
 * The provider a job's model names: the built-in writer, or the OpenAI-compatible endpoint the worker
 * is configured for (STORY_MODEL_URL, optional STORY_MODEL_KEY and STORY_MODEL_TIMEOUT_MS). The model
 * catalogue decides which, not the environment: a built-in model is built-in even where a URL is set.
 */
export function providerForModel(
  model: ModelRow,
  env: Record<string, string | undefined> = process.env,
): StoryProvider {
  if (model.provider === 'builtin') return createBuiltinProvider();
  const url = env.STORY_MODEL_URL?.trim();
  if (!url) throw new ProviderNotConfiguredError();
  const timeout = Number(env.STORY_MODEL_TIMEOUT_MS);
  const retries = Number(env.STORY_MODEL_RETRIES);
  return createHttpProvider({
    url,
    apiKey: env.STORY_MODEL_KEY?.trim() || null,
    model: model.provider_model_id,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : undefined,
    retries: Number.isInteger(retries) && retries >= 0 ? retries : undefined,
  });
}
