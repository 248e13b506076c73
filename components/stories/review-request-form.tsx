'use client';

import { Button } from '@/components/ui/button';
import { inputClasses } from '@/components/ui/field';
import { FormAlert, FormStatus } from '@/components/ui/form-alert';
import { useActionForm } from '@/lib/forms/use-action-form';
import { reviewPublicRequestSchema } from '@/lib/stories/library.schema';
import { reviewPublicRequestAction } from '@/lib/stories/library-actions';

/** A moderator's answer to one public request: approve, or reject with a note the family reads. */
export function ReviewRequestForm({ requestId, title }: { requestId: string; title: string }) {
  const { form, pending, error, fieldErrors, data } = useActionForm(
    reviewPublicRequestSchema,
    reviewPublicRequestAction,
  );
  if (data) {
    return <FormStatus message={data.status === 'approved' ? 'Approved: it is public now.' : 'Rejected.'} />;
  }
  return (
    <form {...form} noValidate aria-label={`Answer for “${title}”`} className="space-y-2">
      <input type="hidden" name="requestId" value={requestId} />
      <FormAlert message={error} />
      <label className="block space-y-1">
        <span className="block text-sm font-medium text-ink">Note for the family (optional)</span>
        <textarea
          name="note"
          rows={2}
          maxLength={500}
          aria-invalid={fieldErrors.note ? true : undefined}
          className={inputClasses}
        />
      </label>
      {fieldErrors.note ? <p className="text-xs text-danger">{fieldErrors.note[0]}</p> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="decision" value="approve" disabled={pending}>
          Approve
        </Button>
        <Button type="submit" name="decision" value="reject" variant="danger" disabled={pending}>
          Reject
        </Button>
      </div>
    </form>
  );
}
