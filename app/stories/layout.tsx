import type { ReactNode } from 'react';
import { FamilyLiveUpdates } from '@/components/family/family-live-updates';
import { SubNav } from '@/components/ui/sub-nav';
import { requireParent } from '@/lib/family/require-parent';

// The grown-ups' stories section: the library and the wizard as tabs, and the family's realtime topic
// (a finished story job refreshes the library).
export default async function StoriesLayout({ children }: { children: ReactNode }) {
  const { familyId } = await requireParent();
  return (
    <div className="space-y-6">
      <div className="print:hidden">
        <SubNav
          label="Stories"
          items={[
            { href: '/stories', label: 'Library', exact: true, also: ['/stories/'] },
            { href: '/stories/new', label: 'New story' },
            { href: '/stories/trash', label: 'Trash' },
            { href: '/live', label: 'Live' },
          ]}
        />
      </div>
      {children}
      <FamilyLiveUpdates familyId={familyId} />
    </div>
  );
}
