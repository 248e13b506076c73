'use client';

import { giveConsentAction, withdrawConsentAction } from '@/app/parent/consent-action';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { CONSENT_STATEMENT, consentSchema, withdrawConsentSchema } from '@/lib/family/child.schema';
import { useInvalidateFamily } from '@/lib/family/use-invalidate-family';
import { useActionForm } from '@/lib/forms/use-action-form';

// COPPA: the account stays inactive (no sign-in) until a parent consents; what they agreed to is stored.
function GiveConsent({ childId, childName }: { childId: string; childName: string }) {
  const { form, pending, error, fieldErrors } = useActionForm(consentSchema, giveConsentAction, {
    onSuccess: useInvalidateFamily(),
  });
  return (
    <form
      {...form}
      noValidate
      className="space-y-3 rounded-lg border border-warning/30 bg-warning-soft p-3"
      aria-label={`Consent for ${childName}`}
    >
      <input type="hidden" name="childId" value={childId} />
      <FormAlert message={error} />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="confirm" className="mt-0.5 size-4 shrink-0 accent-accent" />
        <span>{CONSENT_STATEMENT}</span>
      </label>
      <FieldError errors={fieldErrors.confirm} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : `Give consent for ${childName}`}
      </Button>
    </form>
  );
}

function WithdrawConsent({ childId, childName }: { childId: string; childName: string }) {
  const { form, pending, error, fieldErrors } = useActionForm(withdrawConsentSchema, withdrawConsentAction, {
    onSuccess: useInvalidateFamily(),
  });
  return (
    <form {...form} noValidate className="space-y-3" aria-label={`Withdraw consent for ${childName}`}>
      <input type="hidden" name="childId" value={childId} />
      <FormAlert message={error} />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="confirm" className="mt-0.5 size-4 shrink-0 accent-accent" />
        <span>
          I withdraw my consent. {childName} is signed out everywhere at once and cannot sign in until I give it again.
          Their reading history is kept.
        </span>
      </label>
      <FieldError errors={fieldErrors.confirm} />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? 'Withdrawing…' : 'Withdraw consent'}
      </Button>
    </form>
  );
}

export function ConsentPanel({
  childId,
  childName,
  consentedAt,
}: {
  childId: string;
  childName: string;
  /** When the consent in force was given, already formatted; null when there is none. */
  consentedAt: string | null;
}) {
  if (!consentedAt) return <GiveConsent childId={childId} childName={childName} />;
  return (
    <div className="space-y-3">
      <p className="text-sm text-ink-muted">You gave consent on {consentedAt}.</p>
      <WithdrawConsent childId={childId} childName={childName} />
    </div>
  );
}
