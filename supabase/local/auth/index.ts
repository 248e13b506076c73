export { createAuthHandler } from './handler';
export { RateLimiter } from './rate-limit';
