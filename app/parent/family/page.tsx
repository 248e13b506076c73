import type { Metadata } from 'next';
import { ActivityList } from '@/components/family/activity-list';
import { FamilySettingsForm } from '@/components/family/family-settings-form';
import { AcceptInviteForm, CreateInviteForm } from '@/components/family/invite-panel';
import { ParentPinForm } from '@/components/family/pin-forms';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { getAuditPage, getFamily, getFamilyMembers, getOpenInvites, hasParentPin } from '@/lib/family/queries';
import { requireParent } from '@/lib/family/require-parent';
import { ACTIVITY_PAGE_SIZE } from '@/lib/family/use-family-activity';
import { timeZoneChoices } from '@/lib/format/time-zones';
import { createClient } from '@/lib/supabase/server';

export const metadata: Metadata = { title: 'Family settings' };

export default async function FamilySettingsPage() {
  const { familyId } = await requireParent();
  const supabase = await createClient();
  const [family, members, invites, parentPin, activity] = await Promise.all([
    getFamily(supabase, { familyId }),
    getFamilyMembers(supabase, { familyId }),
    getOpenInvites(supabase, { familyId }),
    hasParentPin(supabase),
    getAuditPage(supabase, { limit: ACTIVITY_PAGE_SIZE }),
  ]);
  const parents = members.filter((m) => m.role === 'parent');
  const names = Object.fromEntries(members.map((m) => [m.user_id, m.displayName]));

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Family settings</h1>
        <p className="mt-1 text-sm text-ink-muted">
          Family code{' '}
          <code className="rounded bg-surface-muted px-1.5 py-0.5 font-mono font-semibold text-ink">{family.code}</code>
        </p>
      </header>
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card id="members-heading" title="Members">
          <ul className="divide-y divide-line text-sm" data-testid="family-members">
            {members.map((member) => (
              <li key={member.user_id} className="flex items-center justify-between gap-3 py-2 first:pt-0">
                <span className="min-w-0 truncate">{member.displayName}</span>
                <span className="flex gap-1">
                  {member.deactivated_at ? <Badge>Deactivated</Badge> : null}
                  <Badge tone={member.role === 'parent' ? 'accent' : 'info'}>
                    {member.role === 'parent' ? 'Parent' : 'Child'}
                  </Badge>
                </span>
              </li>
            ))}
          </ul>
          {parents.length < 2 ? (
            <div className="mt-4 border-t border-line pt-4">
              <CreateInviteForm openCodes={invites} timeZone={family.time_zone} />
            </div>
          ) : null}
        </Card>
        <div className="space-y-6">
          <section id="parent-pin" aria-labelledby="parent-pin-heading" className="scroll-mt-4">
            <Card
              id="parent-pin-heading"
              title="Parent PIN"
              intro="Needed to leave kid mode on a shared device. Until it is set, a device stays in kid mode."
            >
              <ParentPinForm hasPin={Boolean(parentPin)} />
            </Card>
          </section>
          <Card id="family-settings-heading" title="Name and time zone">
            <FamilySettingsForm family={family} timeZones={timeZoneChoices(family.time_zone)} />
          </Card>
        </div>
      </div>
      {members.length === 1 ? (
        <Card
          id="join-heading"
          title="Join another family"
          intro="For a second parent whose partner already set up a family."
        >
          <AcceptInviteForm />
        </Card>
      ) : null}
      <Card id="activity-heading" title="Activity" intro="Who changed what in your family, newest first.">
        <ActivityList familyId={familyId} firstPage={activity} names={names} timeZone={family.time_zone} />
      </Card>
    </div>
  );
}
