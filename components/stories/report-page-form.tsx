'use client';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { useActionForm } from '@/lib/forms/use-action-form';
import { REPORT_REASON_LABELS, REPORT_REASONS } from '@/lib/stories/options';
import { reportSegmentSchema } from '@/lib/stories/story-reader.schema';
import { reportSegmentAction } from '@/lib/stories/story-reader-actions';

/** "Report this page": the page is hidden at once, checked, rewritten and its credit given back. */
export function ReportPageForm({
  segmentId,
  kid,
  onReported,
}: {
  segmentId: string;
  kid: boolean;
  onReported: () => void;
}) {
  const { form, pending, error, data } = useActionForm(reportSegmentSchema, reportSegmentAction, {
    onSuccess: onReported,
  });
  const text = kid ? 'text-lg text-kid-ink' : 'text-sm text-ink';
  if (data) {
    return (
      <p role="status" className={text}>
        Thank you for telling us. This page is hidden now and will be written again.
      </p>
    );
  }
  return (
    <details className={text}>
      <summary className={`cursor-pointer ${kid ? 'min-h-14 py-3 font-bold' : 'min-h-8 py-1 font-medium'} text-danger`}>
        Report this page
      </summary>
      <form {...form} noValidate aria-label="Report this page" className="mt-2 space-y-3">
        <input type="hidden" name="segmentId" value={segmentId} />
        <FormAlert message={error} size={kid ? 'kid' : 'default'} />
        <fieldset className="space-y-2">
          <legend className="font-semibold">What was wrong?</legend>
          <div className="flex flex-wrap gap-2">
            {REPORT_REASONS.map((reason, index) => (
              <label
                key={reason}
                className={`inline-flex cursor-pointer items-center gap-2 border ${kid ? 'min-h-14 rounded-kid border-2 border-kid-sky px-4' : 'min-h-9 rounded-full border-line-strong px-3'} has-checked:border-danger`}
              >
                <input type="radio" name="reason" value={reason} defaultChecked={index === 0} />
                {REPORT_REASON_LABELS[reason]}
              </label>
            ))}
          </div>
        </fieldset>
        <Button type="submit" variant="danger" size={kid ? 'kid' : 'md'} disabled={pending}>
          Send report
        </Button>
      </form>
    </details>
  );
}
