'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import type { FamilyDevice } from '@/lib/devices/queries';
import { revokeFamilyDeviceAction } from '@/lib/devices/revoke-family-device-action';
import { formatInFamilyZone } from '@/lib/format/family-time';

/**
 * The family's devices with who added them, when they were last used and a Revoke button: for the
 * parent's family settings (and the device setup page). Pass `listFamilyDevices(supabase)` and the
 * family's time zone; `currentDeviceId` marks the device in hand.
 */
export function FamilyDeviceList({
  devices,
  timeZone,
  currentDeviceId = null,
}: {
  devices: FamilyDevice[];
  timeZone: string;
  currentDeviceId?: string | null;
}) {
  if (!devices.length) return <p className="text-sm text-ink-subtle">No family devices yet.</p>;
  return (
    <ul className="divide-y divide-line" aria-label="Family devices">
      {devices.map((device) => (
        <DeviceItem key={device.id} device={device} timeZone={timeZone} current={device.id === currentDeviceId} />
      ))}
    </ul>
  );
}

function DeviceItem({ device, timeZone, current }: { device: FamilyDevice; timeZone: string; current: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function revoke() {
    setError(null);
    startTransition(async () => {
      const result = await revokeFamilyDeviceAction({ deviceId: device.id });
      if (!result.ok) setError(result.error);
      router.refresh();
    });
  }

  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3 first:pt-0 last:pb-0">
      <div className="min-w-0 space-y-0.5 text-sm">
        <p className="flex flex-wrap items-center gap-2 break-words font-medium text-ink">
          {device.name}
          {current ? <Badge tone="info">This device</Badge> : null}
        </p>
        <p className="text-ink-muted">
          Added {formatInFamilyZone(device.created_at, timeZone, 'date')}
          {device.created_by_name ? ` by ${device.created_by_name}` : ''}
          {device.revoked_at
            ? ` · revoked ${formatInFamilyZone(device.revoked_at, timeZone, 'date')}`
            : device.last_seen_at
              ? ` · last used ${formatInFamilyZone(device.last_seen_at, timeZone)}`
              : ''}
        </p>
        <FormAlert message={error} />
      </div>
      {device.revoked_at ? (
        <Badge>Revoked</Badge>
      ) : (
        <Button variant="secondary" onClick={revoke} disabled={pending} aria-label={`Revoke ${device.name}`}>
          {pending ? 'Revoking…' : 'Revoke'}
        </Button>
      )}
    </li>
  );
}
