import { defineProject } from 'vitest/config';

// The platform's unit tests: pure modules in src/ (query parser, filters, serializers, tokens…).
export default defineProject({
  test: {
    name: 'platform-unit',
    root: import.meta.dirname,
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
