import pg from 'pg';

// Live sessions' voting rounds lock when their timer ends, within a second, whether or not the host's
// browser is still there. graphile-worker's crontab ticks once a minute, so this is a loop of its own:
// every second it calls private.close_expired_rounds(), which locks (and, for auto-advancing sessions,
// reveals and applies) each expired round exactly once, however many workers call it at the same time.
// Votes never depend on it: cast_vote refuses a vote at or after closes_at by the database clock.

export interface RoundCloser {
  stop(): Promise<void>;
}

export function startRoundCloser(
  connectionString: string,
  { intervalMs = 1000, log = console }: { intervalMs?: number; log?: Pick<Console, 'info' | 'error'> } = {},
): RoundCloser {
  const pool = new pg.Pool({ connectionString, max: 1 });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const tick = async () => {
    try {
      const { rows } = await pool.query<{ closed: number }>('select private.close_expired_rounds() as closed');
      if (rows[0]?.closed) log.info(`closed ${rows[0].closed} voting rounds`);
    } catch (error) {
      // A database restart or a failover: try again on the next tick.
      log.error('closing voting rounds failed', error);
    }
  };
  // One call at a time: the next tick is scheduled when the previous one has finished.
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().then(schedule);
    }, intervalMs);
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await pool.end();
    },
  };
}
