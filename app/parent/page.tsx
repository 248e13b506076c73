import type { Metadata } from 'next';
import Link from 'next/link';
import { AddChildForm } from '@/components/family/add-child-form';
import { ApprovalsQueue } from '@/components/family/approvals-queue';
import { AuditList } from '@/components/family/audit-list';
import { ChildStatus } from '@/components/family/child-status';
import { ConsentForm } from '@/components/family/consent-form';
import { ControlsForm } from '@/components/family/controls-form';
import { FamilyLiveUpdates } from '@/components/family/family-live-updates';
import { FamilySettingsForm } from '@/components/family/family-settings-form';
import { AcceptInviteForm, CreateInviteForm } from '@/components/family/invite-panel';
import { ChildPinForm, ParentPinForm } from '@/components/family/pin-forms';
import { Section } from '@/components/family/section';
import {
  getChildrenControls,
  getChildrenOverview,
  getFamily,
  getFamilyMembers,
  getOpenInvites,
  getPendingApprovals,
  getRecentAudit,
  hasParentPin,
} from '@/lib/family/queries';
import { requireParent } from '@/lib/family/require-parent';
import { createClient } from '@/lib/supabase/server';

export const metadata: Metadata = { title: 'Family' };

export default async function ParentDashboardPage() {
  const { familyId } = await requireParent();
  const supabase = await createClient();
  const [family, children, controls, requests, members, invites, parentPin, audit] = await Promise.all([
    getFamily(supabase, { familyId }),
    getChildrenOverview(supabase),
    getChildrenControls(supabase, { familyId }),
    getPendingApprovals(supabase, { familyId }),
    getFamilyMembers(supabase, { familyId }),
    getOpenInvites(supabase, { familyId }),
    hasParentPin(supabase),
    getRecentAudit(supabase, { limit: 15 }),
  ]);
  const names = new Map(members.map((m) => [m.user_id, m.displayName]));
  const controlsByChild = new Map(controls.map((c) => [c.child_id, c]));
  const parents = members.filter((m) => m.role === 'parent');

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-stone-900">{family.name}</h1>
          <p className="mt-1 text-sm text-stone-600">
            Family code{' '}
            <code data-testid="family-code" className="font-mono font-semibold text-stone-900">
              {family.code}
            </code>{' '}
            — children sign in at{' '}
            <Link href="/kids" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-600">
              /kids
            </Link>{' '}
            with this code, their name and their PIN.
          </p>
        </div>
      </header>

      <Section
        id="children-heading"
        title="Children"
        intro="Today's reading time and what each child can do right now."
      >
        {children.length ? (
          <ul className="divide-y divide-stone-100">
            {children.map((child) => (
              <li key={child.child_id} className="space-y-3 py-3 first:pt-0 last:pb-0">
                <ChildStatus child={child} timeZone={family.time_zone} />
                {child.consented ? null : <ConsentForm childId={child.child_id} childName={child.display_name} />}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-stone-500">No children yet. Add one in “Add a child” below.</p>
        )}
      </Section>

      <Section id="requests-heading" title="Requests" intro="Answers reach your child's screen within a few seconds.">
        <ApprovalsQueue
          requests={requests.map((r) => ({
            id: r.id,
            childName: names.get(r.child_id) ?? 'Your child',
            kind: r.kind,
            minutes: r.minutes,
            credits: r.credits,
            message: r.message,
          }))}
        />
      </Section>

      {children.map((child) => {
        const childControls = controlsByChild.get(child.child_id);
        if (!childControls) return null;
        return (
          <Section
            key={child.child_id}
            id={`controls-${child.child_id}`}
            title={`Controls for ${child.display_name}`}
            intro="Enforced by Tale Forge's database, whatever device your child uses. Every change is logged."
          >
            <ControlsForm childName={child.display_name} controls={childControls} timeZone={family.time_zone} />
            <div className="mt-4 border-t border-stone-100 pt-4">
              <ChildPinForm childId={child.child_id} childName={child.display_name} />
            </div>
          </Section>
        );
      })}

      <Section
        id="add-child-heading"
        title="Add a child"
        intro="Your child needs no e-mail address. The account stays inactive until you give consent."
      >
        <AddChildForm />
      </Section>

      <Section id="members-heading" title="Family members">
        <ul className="divide-y divide-stone-100 text-sm" data-testid="family-members">
          {members.map((member) => (
            <li key={member.user_id} className="flex items-center justify-between gap-3 py-2 first:pt-0">
              <span className="min-w-0 truncate text-stone-900">{member.displayName}</span>
              <span
                className={`rounded-full px-2 py-0.5 text-xs font-medium ${
                  member.role === 'parent' ? 'bg-brand-50 text-brand-700' : 'bg-sky-50 text-sky-800'
                }`}
              >
                {member.role === 'parent' ? 'Parent' : 'Child'}
              </span>
            </li>
          ))}
        </ul>
        {parents.length < 2 || members.length === 1 ? (
          <div className="mt-4 space-y-4 border-t border-stone-100 pt-4">
            {parents.length < 2 ? <CreateInviteForm openCodes={invites} /> : null}
            {members.length === 1 ? <AcceptInviteForm /> : null}
          </div>
        ) : null}
      </Section>

      <Section
        id="parent-pin-heading"
        title="Parent PIN"
        intro="Needed to leave kid mode on a shared device: until it is set, kid mode stays on."
      >
        <ParentPinForm hasPin={Boolean(parentPin)} />
      </Section>

      <Section id="family-settings-heading" title="Family settings">
        <FamilySettingsForm family={family} />
      </Section>

      <Section id="audit-heading" title="Recent changes" intro="Who changed what in your family.">
        <AuditList entries={audit} names={names} timeZone={family.time_zone} />
      </Section>
      <FamilyLiveUpdates familyId={familyId} />
    </div>
  );
}
