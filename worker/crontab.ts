import type { TaskName } from './tasks';

// The periodic jobs, in graphile-worker's crontab format. Each is idempotent, so a missed or repeated
// run is harmless; `?max=1` keeps one queued copy at a time.
const SCHEDULE: [string, TaskName][] = [
  ['*/15 * * * *', 'purge_idempotency_keys'],
  ['*/5 * * * *', 'expire_granted_credits'],
  // Hourly: a new month starts for every family within the hour, and due sandbox renewals happen.
  ['7 * * * *', 'monthly_plan_grants'],
  ['*/10 * * * *', 'release_expired_holds'],
];

export const crontab = SCHEDULE.map(([pattern, task]) => `${pattern} ${task} ?max=1`).join('\n');
