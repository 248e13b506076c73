import { StoryEngineError } from './errors';
import { storyRequestSchema } from './request.schema';
import type { StoryRequest } from './types';

/** A request as the providers use it, or invalid_request with the problems by field. */
export function parseStoryRequest(input: unknown): StoryRequest {
  const parsed = storyRequestSchema.safeParse(input);
  if (!parsed.success) {
    throw new StoryEngineError('invalid_request', {
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    });
  }
  return parsed.data;
}
