import { settingsLock } from './settings-lock';

// db-aggregates-enabled is on for the conformance stack (test/fixtures/rs_select.sql). The test that
// turns it off holds this lock exclusively; tests relying on aggregates hold it shared.
const aggregates = settingsLock(74_201_123);

/** Each test of the calling file runs with aggregates guaranteed on. */
export const holdAggregatesShared = aggregates.holdShared;

/** Runs `fn` while no test relying on aggregates runs. */
export const withAggregatesExclusive = aggregates.exclusive;
