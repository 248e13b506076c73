export { createAuthService } from './handler';
export { RateLimiter } from './rate-limit';
