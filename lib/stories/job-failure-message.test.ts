import { describe, expect, it } from 'vitest';
import { UNEXPECTED } from '@/lib/errors/user-message';
import { jobFailureMessage } from './job-failure-message';

describe('jobFailureMessage', () => {
  it('gives every kind of failure code a sentence, never the code itself', () => {
    expect(jobFailureMessage('provider_timeout')).toMatch(/took too long/);
    expect(jobFailureMessage('timed_out')).toMatch(/took too long and was stopped/);
    expect(jobFailureMessage('story_graph_invalid')).toMatch(/pages don't fit together/);
    for (const code of [null, '', 'worker_error', '<script>alert(1)</script>', 'constructor', 'toString']) {
      const sentence = jobFailureMessage(code);
      expect(sentence).toBe("We couldn't write the story this time.");
      expect(sentence).not.toBe(UNEXPECTED);
    }
  });
});
