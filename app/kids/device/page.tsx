import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { FamilyDeviceList } from '@/components/devices/family-device-list';
import { MarkDeviceForm } from '@/components/devices/mark-device-form';
import { SetParentPinStep } from '@/components/devices/set-parent-pin-step';
import { Card } from '@/components/ui/card';
import { getCurrentMember } from '@/lib/auth/current-member';
import { getCurrentFamilyDevice } from '@/lib/devices/current-device';
import { listFamilyDevices } from '@/lib/devices/queries';
import { getFamily, hasParentPin } from '@/lib/family/queries';
import { requireParent } from '@/lib/family/require-parent';
import { createClient } from '@/lib/supabase/server';

export const metadata: Metadata = { title: 'Family device' };

/**
 * A parent hands this device to the children: a parent PIN first (the way back out of kid mode), then
 * a name; the device is then a family device and the parent is signed out here.
 */
export default async function FamilyDevicePage() {
  if (!(await getCurrentMember())) redirect('/sign-in?next=/kids/device');
  const { familyId } = await requireParent();
  const supabase = await createClient();
  const [family, pinSet, devices, here] = await Promise.all([
    getFamily(supabase, { familyId }),
    hasParentPin(supabase),
    listFamilyDevices(supabase),
    getCurrentFamilyDevice(),
  ]);
  const thisDevice = here?.family_id === familyId ? here : null;

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">A device for your children</h1>
        <p className="mt-1 text-sm text-ink-muted">
          On a family device your children tap their picture and type their PIN: no family code, no name, no keyboard.
        </p>
      </header>
      <Card id="hand-over-heading" title={thisDevice ? `This is ${thisDevice.device_name}` : 'Hand this device over'}>
        {thisDevice ? (
          <p className="text-sm text-ink-muted">
            This browser is already a family device. Revoke it below to make it an ordinary device again.
          </p>
        ) : pinSet ? (
          <MarkDeviceForm />
        ) : (
          <SetParentPinStep />
        )}
      </Card>
      <Card id="devices-heading" title="Your family devices">
        <FamilyDeviceList
          devices={devices}
          timeZone={family.time_zone}
          currentDeviceId={thisDevice?.device_id ?? null}
        />
      </Card>
    </div>
  );
}
