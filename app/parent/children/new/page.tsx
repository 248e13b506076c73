import type { Metadata } from 'next';
import { AddChildForm } from '@/components/family/add-child-form';
import { Card } from '@/components/ui/card';
import { requireParent } from '@/lib/family/require-parent';

export const metadata: Metadata = { title: 'Add a child' };

export default async function AddChildPage() {
  await requireParent();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Add a child</h1>
      <Card
        id="add-child-heading"
        title="Your child's account"
        intro="Your child needs no e-mail address. The account stays inactive until you give your consent, which is the next step."
      >
        <AddChildForm />
      </Card>
    </div>
  );
}
