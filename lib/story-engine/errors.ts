// The engine's failures, as stable codes (the job worker stores the code on the generation job) with
// one sentence each for the person who asked. Nothing here is shown raw from a provider.

export const STORY_ENGINE_ERRORS = {
  invalid_request: "That story request isn't complete. Please check the choices and try again.",
  unknown_template: "We don't know that story template. Please choose another one.",
  unknown_theme: "We don't know that theme. Please choose another one.",
  unknown_moral: "That lesson doesn't belong to the chosen theme. Please choose another one.",
  unknown_choice: "That choice isn't part of this story.",
  choice_already_explored: 'That part of the story has already been written.',
  story_invalid: "This story's pages don't fit together, so it can't be continued.",
  segment_unfit: "We couldn't write a page that suits this age group. Please try again.",
  provider_timeout: 'The story writer took too long to answer. Please try again in a moment.',
  provider_unavailable: "The story writer isn't available right now. Please try again later.",
  provider_refused: 'The story writer turned the request down. Please check its settings.',
  provider_bad_output: "The story writer's answer didn't make sense. Please try again.",
  provider_unreadable_output: "The story writer's pages didn't suit this age group. Please try again.",
  provider_unsafe_output: "The story writer's pages didn't pass our safety checks. Please try again.",
} as const;

export type StoryEngineErrorCode = keyof typeof STORY_ENGINE_ERRORS;

export class StoryEngineError extends Error {
  readonly code: StoryEngineErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: StoryEngineErrorCode, details: Record<string, unknown> = {}) {
    super(STORY_ENGINE_ERRORS[code]);
    this.name = 'StoryEngineError';
    this.code = code;
    this.details = details;
  }
}

export function isStoryEngineError(error: unknown): error is StoryEngineError {
  return error instanceof StoryEngineError;
}
