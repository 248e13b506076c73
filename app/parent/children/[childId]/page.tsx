import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { z } from 'zod';
import { ActivationPanel } from '@/components/family/activation-panel';
import { ActivityList } from '@/components/family/activity-list';
import { ChildProfileForm } from '@/components/family/child-profile-form';
import { LiveChildCard } from '@/components/family/children-summary';
import { ConsentPanel } from '@/components/family/consent-panel';
import { ControlsForm } from '@/components/family/controls-form';
import { ChildPinForm } from '@/components/family/pin-forms';
import { Card } from '@/components/ui/card';
import { FormStatus } from '@/components/ui/form-alert';
import { avatarEmoji, avatarKey } from '@/lib/family/avatars';
import {
  getActiveConsent,
  getAuditPage,
  getChildControls,
  getChildrenOverview,
  getFamily,
  getFamilyMembers,
  getPendingApprovals,
} from '@/lib/family/queries';
import { requireParent } from '@/lib/family/require-parent';
import { ACTIVITY_PAGE_SIZE } from '@/lib/family/use-family-activity';
import { formatInFamilyZone } from '@/lib/format/family-time';
import { createClient } from '@/lib/supabase/server';

type Params = Promise<{ childId: string }>;

// One lookup per request for the page and its title; RLS shows a parent only their own children.
const findChild = cache(async (childId: string) => {
  if (!z.uuid().safeParse(childId).success) return null;
  const { familyId } = await requireParent();
  const supabase = await createClient();
  const children = await getChildrenOverview(supabase);
  const child = children.find((c) => c.child_id === childId);
  return child ? { child, children, familyId, supabase } : null;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const found = await findChild((await params).childId);
  return { title: found?.child.display_name ?? 'Child' };
}

export default async function ChildPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<{ added?: string }>;
}) {
  const found = await findChild((await params).childId);
  if (!found) notFound();
  const { child, children, familyId, supabase } = found;
  const [family, requests, controls, consent, activity, members, { added }] = await Promise.all([
    getFamily(supabase, { familyId }),
    getPendingApprovals(supabase, { familyId }),
    getChildControls(supabase, { childId: child.child_id }),
    getActiveConsent(supabase, { childId: child.child_id }),
    getAuditPage(supabase, { limit: ACTIVITY_PAGE_SIZE, childId: child.child_id }),
    getFamilyMembers(supabase, { familyId }),
    searchParams,
  ]);
  const names = Object.fromEntries(members.map((m) => [m.user_id, m.displayName]));
  const name = child.display_name;

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <Link href="/parent" className="inline-flex min-h-6 items-center gap-1 text-sm text-ink-muted hover:text-ink">
          <ArrowLeft aria-hidden="true" className="size-4" /> All children
        </Link>
        <h1 className="flex items-center gap-2 text-2xl font-semibold tracking-tight">
          <span aria-hidden="true">{avatarEmoji(child.avatar_url)}</span>
          {name}
        </h1>
        {added ? <FormStatus message={`${name} was added. Give your consent below to activate the account.`} /> : null}
      </header>

      <LiveChildCard
        familyId={familyId}
        childId={child.child_id}
        timeZone={family.time_zone}
        initialChildren={children}
        initialRequests={requests}
      />

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          {controls && !child.deactivated ? (
            <Card
              id="controls-heading"
              title="Controls"
              intro={`Tale Forge applies these on every device ${name} uses. Every change is listed under Activity.`}
            >
              <ControlsForm childName={name} controls={controls} timeZone={family.time_zone} />
            </Card>
          ) : null}
          <Card id="activity-heading" title="Activity" intro={`Changes to ${name}'s account, newest first.`}>
            <ActivityList
              familyId={familyId}
              childId={child.child_id}
              firstPage={activity}
              names={names}
              timeZone={family.time_zone}
            />
          </Card>
        </div>
        <div className="space-y-6">
          <Card id="profile-heading" title="Name and avatar">
            <ChildProfileForm childId={child.child_id} name={name} avatar={avatarKey(child.avatar_url)} />
          </Card>
          {!child.deactivated ? (
            <>
              <section id="consent" aria-labelledby="consent-heading" className="scroll-mt-4">
                <Card
                  id="consent-heading"
                  title="Consent"
                  intro={
                    consent
                      ? undefined
                      : `${name}'s account stays inactive, with no sign-in, until you give your consent.`
                  }
                >
                  <ConsentPanel
                    childId={child.child_id}
                    childName={name}
                    consentedAt={consent ? formatInFamilyZone(consent.consented_at, family.time_zone, 'date') : null}
                  />
                </Card>
              </section>
              <Card id="pin-heading" title="PIN">
                <ChildPinForm childId={child.child_id} childName={name} />
              </Card>
            </>
          ) : null}
          <Card id="activation-heading" title={child.deactivated ? 'Reactivate' : 'Deactivate'}>
            <ActivationPanel childId={child.child_id} childName={name} deactivated={child.deactivated} />
          </Card>
        </div>
      </div>
    </div>
  );
}
