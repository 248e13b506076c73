import { StoryEngineError } from '../errors';

// One JSON answer from an OpenAI-compatible chat-completions endpoint (OpenAI, Ollama, llama.cpp,
// vLLM, …): a timeout per request (AbortController), and retries with exponential backoff on 5xx,
// 408/429, timeouts, network errors and answers that are not the JSON asked for. Other 4xx answers
// (a wrong key, an unknown model) are not retried: asking again would not help.

export interface ChatClientOptions {
  url: string;
  apiKey?: string | null;
  model: string;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  fetch: typeof fetch;
}

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

type Failure = 'timeout' | 'unavailable' | 'bad_output';

class Retryable extends Error {
  constructor(readonly failure: Failure) {
    super(failure);
  }
}

/** The endpoint for a base URL ("http://localhost:11434/v1") or a full ".../chat/completions" URL. */
export function completionsUrl(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  return trimmed.endsWith('/chat/completions') ? trimmed : `${trimmed}/chat/completions`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function attempt(options: ChatClientOptions, messages: ChatMessage[], seed: number): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const response = await options.fetch(completionsUrl(options.url), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
      },
      body: JSON.stringify({
        model: options.model,
        messages,
        response_format: { type: 'json_object' },
        temperature: 0.8,
        seed,
      }),
      signal: controller.signal,
    });
    const body = await response.text();
    if (response.status >= 500 || response.status === 408 || response.status === 429)
      throw new Retryable('unavailable');
    if (!response.ok) throw new StoryEngineError('provider_refused', { status: response.status });
    let content: unknown;
    try {
      content = (JSON.parse(body) as { choices?: { message?: { content?: unknown } }[] }).choices?.[0]?.message
        ?.content;
    } catch {
      throw new Retryable('bad_output');
    }
    if (typeof content !== 'string') throw new Retryable('bad_output');
    try {
      // Some local servers wrap JSON in a code fence even in JSON mode.
      return JSON.parse(content.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, ''));
    } catch {
      throw new Retryable('bad_output');
    }
  } catch (error) {
    if (error instanceof StoryEngineError || error instanceof Retryable) throw error;
    throw new Retryable(controller.signal.aborted ? 'timeout' : 'unavailable');
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The parsed JSON object the model answered. `validate` returns null for an answer of the wrong shape,
 * which is retried like garbage.
 */
export async function requestJson<T>(
  options: ChatClientOptions,
  messages: ChatMessage[],
  seed: number,
  validate: (value: unknown) => T | null,
): Promise<T> {
  let last: Failure = 'unavailable';
  for (let i = 0; i <= options.retries; i++) {
    if (i > 0) await sleep(options.backoffMs * 2 ** (i - 1));
    try {
      const value = validate(await attempt(options, messages, seed));
      if (value !== null) return value;
      last = 'bad_output';
    } catch (error) {
      if (!(error instanceof Retryable)) throw error;
      last = error.failure;
    }
  }
  const code =
    last === 'timeout' ? 'provider_timeout' : last === 'bad_output' ? 'provider_bad_output' : 'provider_unavailable';
  throw new StoryEngineError(code, { attempts: options.retries + 1 });
}
