import { type Runner, run } from 'graphile-worker';
import { crontab } from './crontab';
import { taskList } from './tasks';

export interface WorkerOptions {
  connectionString: string;
  /** Run the periodic jobs (default true). The database tests switch it off and enqueue jobs themselves. */
  schedule?: boolean;
  concurrency?: number;
}

/**
 * Starts the one worker process's runner: installs or upgrades graphile-worker's own schema
 * (`graphile_worker`, never exposed over the API), then runs the task list and the crontab.
 */
export function startWorker({ connectionString, schedule = true, concurrency = 2 }: WorkerOptions): Promise<Runner> {
  return run({
    connectionString,
    concurrency,
    taskList,
    crontab: schedule ? crontab : '',
    noHandleSignals: true,
    // LISTEN/NOTIFY wakes the worker for new jobs; polling only catches jobs whose run_at has come.
    pollInterval: 1000,
  });
}
