import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { DeviceSignIn } from '@/components/kids/device-sign-in';
import { KidCard } from '@/components/kids/kid-card';
import { KidSignInForm } from '@/components/kids/kid-sign-in-form';
import { getCurrentMember } from '@/lib/auth/current-member';
import { getCurrentFamilyDevice } from '@/lib/devices/current-device';
import { getFamilyDeviceChildren } from '@/lib/devices/queries';
import { KID_HOME } from '@/lib/kids/kid-mode';
import { createAdminClient } from '@/lib/supabase/admin';

export const metadata: Metadata = { title: 'Kids' };

/**
 * The kid door. A child already signed in goes straight to reading. On a family device the family's
 * children appear as avatars (PIN pad, nothing to type); anywhere else, or with ?with=code, it is the
 * family code + name + PIN form. A signed-in parent is offered to make this a family device.
 */
export default async function KidsPage({ searchParams }: { searchParams: Promise<{ with?: string }> }) {
  const [caller, device, { with: method }] = await Promise.all([
    getCurrentMember(),
    getCurrentFamilyDevice(),
    searchParams,
  ]);
  if (caller?.member?.role === 'child') redirect(KID_HOME);
  const isParent = caller?.member?.role === 'parent';

  if (device && method !== 'code') {
    const kids = await getFamilyDeviceChildren(createAdminClient(), { token: device.token });
    return (
      <KidCard wide>
        <h1 className="text-3xl font-black sm:text-5xl">Who's reading today?</h1>
        <DeviceSignIn kids={kids} />
        <p className="text-base text-kid-ink-muted">
          <Link
            href="/kids?with=code"
            className="inline-flex min-h-8 items-center underline underline-offset-4 hover:text-kid-ink"
          >
            Not from {device.family_name}? Sign in with a family code
          </Link>
        </p>
        {isParent ? <ParentNote href="/kids/device" text={`This is a family device (${device.device_name}).`} /> : null}
      </KidCard>
    );
  }

  return (
    <KidCard>
      <h1 className="text-3xl font-black sm:text-4xl">Hello, reader!</h1>
      <p className="text-lg text-kid-ink-muted">Type your family code, your name and your secret PIN.</p>
      <KidSignInForm />
      {isParent ? (
        <ParentNote
          href="/kids/device"
          text="Is this your children's tablet? Make it a family device: they tap their picture and type their PIN, nothing else."
        />
      ) : null}
    </KidCard>
  );
}

function ParentNote({ href, text }: { href: string; text: string }) {
  return (
    <aside
      aria-label="For grown-ups"
      className="rounded-kid border border-line bg-surface p-4 text-left font-sans text-sm text-ink-muted"
    >
      <p>
        <span className="font-semibold">For grown-ups: </span>
        {text}{' '}
        <Link href={href} className="font-medium text-accent-strong underline underline-offset-2 hover:text-accent">
          Family device settings
        </Link>
      </p>
    </aside>
  );
}
