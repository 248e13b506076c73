import type { Metadata } from 'next';
import { FamilyDeviceList } from '@/components/devices/family-device-list';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { listFamilyDevices } from '@/lib/devices/queries';
import { getFamily } from '@/lib/family/queries';
import { requireParent } from '@/lib/family/require-parent';
import { createClient } from '@/lib/supabase/server';

export const metadata: Metadata = { title: 'Family devices' };

/** The family's devices: which ones the children sign in on, and a way to revoke each. */
export default async function FamilyDevicesPage() {
  const { familyId } = await requireParent();
  const supabase = await createClient();
  const [family, devices] = await Promise.all([getFamily(supabase, { familyId }), listFamilyDevices(supabase)]);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Family devices</h1>
        <p className="mt-1 text-sm text-ink-muted">
          On a family device your children tap their picture and type their PIN. Revoke one you no longer use: it shows
          the family code sign-in again.
        </p>
      </header>
      <Card
        id="devices-heading"
        title="Devices"
        actions={
          <ButtonLink href="/kids/device" variant="secondary">
            Hand over this device
          </ButtonLink>
        }
      >
        <FamilyDeviceList devices={devices} timeZone={family.time_zone} />
      </Card>
    </div>
  );
}
