import type { Metadata } from 'next';
import { AddChildForm } from '@/components/family/add-child-form';
import { ApprovalsQueue } from '@/components/family/approvals-queue';
import { AuditList } from '@/components/family/audit-list';
import { ChildStatus } from '@/components/family/child-status';
import { ConsentForm } from '@/components/family/consent-form';
import { ControlsForm } from '@/components/family/controls-form';
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
            — children sign in at <span className="font-medium">/kids</span> with this code, their name and their PIN.
          </p>
        </div>
      </header>

      <Section
        id="children-heading"
        title="Children"
        intro="Today's reading time and what each child can do right now."
      >
        {children.length ? (
          <ul className="space-y-4">
            {children.map((child) => (
              <li key={child.child_id} className="space-y-3">
                <ChildStatus child={child} />
                {child.consented ? null : <ConsentForm childId={child.child_id} childName={child.display_name} />}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-stone-500">No children yet. Add one below.</p>
        )}
      </Section>

      <Section id="requests-heading" title="Requests" intro="Answers reach your child's screen within a few seconds.">
        <ApprovalsQueue
          requests={requests.map((r) => ({
            id: r.id,
            childName: names.get(r.child_id) ?? 'Your child',
            minutes: r.minutes,
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
        <ul className="mb-4 text-sm text-stone-800" data-testid="family-members">
          {members.map((member) => (
            <li key={member.user_id}>
              {member.displayName} <span className="text-stone-500">({member.role})</span>
            </li>
          ))}
        </ul>
        <div className="space-y-4">
          {parents.length < 2 ? <CreateInviteForm openCodes={invites} /> : null}
          {members.length === 1 ? <AcceptInviteForm /> : null}
          <ParentPinForm hasPin={Boolean(parentPin)} />
          <FamilySettingsForm family={family} />
        </div>
      </Section>

      <Section id="audit-heading" title="Recent changes" intro="Who changed what in your family.">
        <AuditList entries={audit} names={names} />
      </Section>
    </div>
  );
}
