import type { Metadata } from 'next';
import { ChildrenSummary } from '@/components/family/children-summary';
import { SetupChecklist } from '@/components/family/setup-checklist';
import { listFamilyDevices } from '@/lib/devices/queries';
import { getChildrenOverview, getFamily, getPendingApprovals, hasParentPin } from '@/lib/family/queries';
import { requireParent } from '@/lib/family/require-parent';
import { createClient } from '@/lib/supabase/server';

export const metadata: Metadata = { title: 'Family' };

export default async function ParentHomePage() {
  const { familyId } = await requireParent();
  const supabase = await createClient();
  const [family, children, requests, parentPin, devices] = await Promise.all([
    getFamily(supabase, { familyId }),
    getChildrenOverview(supabase),
    getPendingApprovals(supabase, { familyId }),
    hasParentPin(supabase),
    listFamilyDevices(supabase),
  ]);

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">{family.name}</h1>
        <p className="mt-1 text-sm text-ink-muted">
          Family code{' '}
          <code
            data-testid="family-code"
            className="rounded bg-surface-muted px-1.5 py-0.5 font-mono font-semibold text-ink"
          >
            {family.code}
          </code>{' '}
          · on any device, your children sign in on the kids' page with this code, their name and their PIN.
        </p>
      </header>
      <SetupChecklist
        familyId={familyId}
        initialChildren={children}
        hasParentPin={Boolean(parentPin)}
        hasFamilyDevice={devices.some((device) => !device.revoked_at)}
      />
      <ChildrenSummary
        familyId={familyId}
        timeZone={family.time_zone}
        initialChildren={children}
        initialRequests={requests}
      />
    </div>
  );
}
