'use client';

import { useEffect, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { useIdempotencyKey } from '@/lib/credits/use-idempotency-key';
import { CREDITS_RETURNED, jobFailureMessage } from '@/lib/stories/job-failure-message';
import { retryStoryJobAction } from '@/lib/stories/story-reader-actions';
import { type JobProgress, useJobProgress } from '@/lib/stories/use-job-progress';

type Props = {
  jobId: string;
  /** What is being written, for the bar's label ("Writing your story", "Writing what happens next"). */
  label: string;
  kid?: boolean;
  onCompleted: (job: JobProgress) => void;
};

/**
 * A generation job's live progress (useJobProgress: realtime on job:<id>, no polling). When the job
 * completes it hands over once; when it fails it says why and offers "Try again" (a new job and hold).
 */
export function JobProgressBar({ jobId: firstJobId, label, kid = false, onCompleted }: Props) {
  const [jobId, setJobId] = useState(firstJobId);
  const { job } = useJobProgress(jobId);
  const [retryKey, renewRetryKey] = useIdempotencyKey();
  const [retryError, setRetryError] = useState<string | null>(null);
  const [retrying, startRetry] = useTransition();
  const handedOver = useRef<string | null>(null);
  const onCompletedRef = useRef(onCompleted);
  onCompletedRef.current = onCompleted;

  useEffect(() => {
    if (job?.status === 'completed' && handedOver.current !== job.id) {
      handedOver.current = job.id;
      onCompletedRef.current(job);
    }
  }, [job]);

  function retry() {
    setRetryError(null);
    startRetry(async () => {
      const result = await retryStoryJobAction({ jobId, idempotencyKey: retryKey });
      if (result.ok) {
        renewRetryKey();
        setJobId(result.data.jobId);
      } else setRetryError(result.error);
    });
  }

  const progress = job?.progress ?? 0;
  const failed = job?.status === 'failed';
  const text = kid ? 'text-xl text-kid-ink' : 'text-sm text-ink';
  return (
    <div className="space-y-3" data-testid="job-progress" data-status={job?.status ?? 'loading'}>
      <div className="flex items-baseline justify-between gap-3">
        <p id={`job-${jobId}-label`} className={`${text} font-semibold`}>
          {job?.status === 'completed' ? 'Done!' : failed ? 'Something went wrong' : `${label}…`}
        </p>
        <p className={kid ? 'text-lg text-kid-ink-muted' : 'text-sm text-ink-muted'} aria-hidden="true">
          {progress}%
        </p>
      </div>
      <div
        role="progressbar"
        aria-labelledby={`job-${jobId}-label`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress}
        className={`${kid ? 'h-5 rounded-kid bg-kid-sky' : 'h-2.5 rounded-full bg-surface-muted'} overflow-hidden`}
      >
        <div
          className={`h-full transition-[width] duration-500 ${failed ? 'bg-danger' : kid ? 'bg-kid-leaf' : 'bg-accent'}`}
          style={{ width: `${Math.max(progress, 3)}%` }}
        />
      </div>
      {failed ? (
        <div className="space-y-3">
          <FormAlert
            message={`${jobFailureMessage(job.error_code)} ${CREDITS_RETURNED}`}
            size={kid ? 'kid' : 'default'}
          />
          <FormAlert message={retryError} size={kid ? 'kid' : 'default'} />
          <Button variant={kid ? 'kid' : 'primary'} onClick={retry} disabled={retrying || !retryKey}>
            Try again
          </Button>
        </div>
      ) : null}
    </div>
  );
}
