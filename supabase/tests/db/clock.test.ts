import { adminQuery } from 'supabase-local/testing';
import { describe, expect, it } from 'vitest';

// The tests reason about "now" on both sides (JS dates in the tests, now() in the database). Under
// `npm run test:db:at` (libfaketime) both must be moved together, or a test pass "at New Year" would
// only pretend: this fails when the database's clock and ours disagree.
describe('clock', () => {
  it("the database's now() is the tests' now", async () => {
    const before = Date.now();
    const [{ now }] = await adminQuery<{ now: Date }>('select now()');
    const after = Date.now();
    expect(now.getTime()).toBeGreaterThanOrEqual(before - 5_000);
    expect(now.getTime()).toBeLessThanOrEqual(after + 5_000);
  });
});
