'use client';

import { giveConsentAction } from '@/app/parent/consent-action';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { CONSENT_STATEMENT, consentSchema } from '@/lib/family/child.schema';
import { useActionForm } from '@/lib/forms/use-action-form';
import { FieldError } from './field-error';

// COPPA: the account stays inactive (no sign-in) until a parent consents; what they agreed to is stored.
export function ConsentForm({ childId, childName }: { childId: string; childName: string }) {
  const { onSubmit, pending, error, fieldErrors } = useActionForm(consentSchema, giveConsentAction);

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3"
      aria-label={`Consent for ${childName}`}
    >
      <input type="hidden" name="childId" value={childId} />
      <FormAlert message={error} />
      <label className="flex items-start gap-2 text-sm text-ink">
        <input type="checkbox" name="confirm" className="mt-1" />
        <span>{CONSENT_STATEMENT}</span>
      </label>
      <FieldError errors={fieldErrors.confirm} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : `Give consent for ${childName}`}
      </Button>
    </form>
  );
}
