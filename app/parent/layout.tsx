import type { ReactNode } from 'react';
import { FamilyLiveUpdates } from '@/components/family/family-live-updates';
import { SubNav } from '@/components/ui/sub-nav';
import { requireParent } from '@/lib/family/require-parent';

// Every parent page shares the section tabs and one realtime subscription for the family.
export default async function ParentLayout({ children }: { children: ReactNode }) {
  const { familyId } = await requireParent();
  return (
    <div className="space-y-6">
      <SubNav
        label="Family"
        items={[
          // A child's own page belongs to the overview (its cards lead there).
          { href: '/parent', label: 'Overview', exact: true, also: ['/parent/children/'] },
          { href: '/parent/children/new', label: 'Add a child' },
          { href: '/parent/family', label: 'Family settings' },
          { href: '/parent/devices', label: 'Devices' },
        ]}
      />
      {children}
      <FamilyLiveUpdates familyId={familyId} />
    </div>
  );
}
