// The story engine's front door: what the job worker, the seed script and the app import.

export type { StoryTemplate } from './assets/asset-types';
export { LIBRARY_CHARACTERS } from './assets/characters';
export { TEMPLATES } from './assets/templates';
export { THEMES } from './assets/themes';
export { ENGINE_VERSION, LENGTHS, READABILITY_LIMITS, WORD_TARGETS } from './bands';
export { BUILTIN_MODEL_ID, createBuiltinProvider } from './builtin/builtin-provider';
export { checkReadability } from './checks/readability';
export { checkSafety } from './checks/safety-filter';
export { SAFETY_LIST_VERSION } from './checks/safety-words';
export { isStoryEngineError, STORY_ENGINE_ERRORS, StoryEngineError, type StoryEngineErrorCode } from './errors';
export {
  type GraphProblem,
  type GraphValidation,
  type StoryGraph,
  validateStoryGraph,
} from './graph/validate-story-graph';
export { createHttpProvider, type HttpProviderOptions } from './http/http-provider';
export { illustrateSegment } from './illustrate/svg-illustrator';
export { storyProviderFromEnv } from './provider';
export { characterSchema, storyRequestSchema } from './request.schema';
export type * from './types';
