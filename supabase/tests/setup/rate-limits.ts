// The load check, the crash test and the stories benchmark drive the ledger and the worker far
// faster than any family (hundreds of purchases and jobs a minute from a few accounts): on their own
// stacks they lift the request limits of 20261202081000_rate_limits.sql, which the rate-limit tests
// check at their real values on the shared stack. Run as the superuser.
export const LIFT_RATE_LIMITS_SQL = 'update private.rate_limits set max_count = 1000000';
