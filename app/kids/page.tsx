import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { DeviceSignIn } from '@/components/kids/device-sign-in';
import { KidSignInForm } from '@/components/kids/kid-sign-in-form';
import { getCurrentMember } from '@/lib/auth/current-member';
import { getCurrentFamilyDevice } from '@/lib/devices/current-device';
import { getFamilyDeviceChildren } from '@/lib/devices/queries';
import { KID_HOME } from '@/lib/kids/kid-mode';
import { createAdminClient } from '@/lib/supabase/admin';

export const metadata: Metadata = { title: 'Kids' };

const CARD = 'mx-auto max-w-3xl space-y-6 rounded-3xl bg-sky-50 px-5 py-8 shadow-sm sm:p-10';

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
      <div className={CARD}>
        <h1 className="text-center text-3xl font-black text-sky-950 sm:text-5xl">
          Who's reading today? <span aria-hidden="true">📚</span>
        </h1>
        <p className="text-center text-xl text-sky-900">Tap your picture.</p>
        <DeviceSignIn kids={kids} />
        <p className="text-center text-base text-sky-900">
          <Link href="/kids?with=code" className="underline underline-offset-4 hover:text-sky-950">
            Not from {device.family_name}? Sign in with a family code
          </Link>
        </p>
        {isParent ? <ParentNote href="/kids/device" text={`This is a family device (${device.device_name}).`} /> : null}
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-md space-y-6 rounded-3xl bg-sky-50 px-5 py-8 shadow-sm sm:p-8">
      <h1 className="text-center text-3xl font-black text-sky-950 sm:text-4xl">
        Hello, reader! <span aria-hidden="true">📚</span>
      </h1>
      <p className="text-center text-lg text-sky-900">Type your family code, your name and your secret PIN.</p>
      <KidSignInForm />
      {isParent ? (
        <ParentNote
          href="/kids/device"
          text="Is this your children's tablet? Make it a family device: they tap their picture and type their PIN, nothing else."
        />
      ) : null}
    </div>
  );
}

function ParentNote({ href, text }: { href: string; text: string }) {
  return (
    <aside
      aria-label="For grown-ups"
      className="rounded-2xl border border-sky-200 bg-white p-4 text-left text-sm text-stone-700"
    >
      <p>
        <span className="font-semibold">For grown-ups: </span>
        {text}{' '}
        <Link href={href} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-600">
          Family device settings
        </Link>
      </p>
    </aside>
  );
}
