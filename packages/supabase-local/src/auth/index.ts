export { createAuthService } from './handler';
