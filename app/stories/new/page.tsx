import type { Metadata } from 'next';
import { CreateStoryForm } from '@/components/stories/create-story-form';
import { getWallet } from '@/lib/credits/queries';
import { requireParent } from '@/lib/family/require-parent';
import { createStoryAction } from '@/lib/stories/create-story-action';
import { getStoryCatalogue } from '@/lib/stories/queries';
import { createClient } from '@/lib/supabase/server';

export const metadata: Metadata = { title: 'New story' };

export default async function NewStoryPage() {
  const { familyId } = await requireParent();
  const supabase = await createClient();
  const [catalogue, wallet] = await Promise.all([getStoryCatalogue(supabase), getWallet(supabase, { familyId })]);
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight text-ink">New story</h1>
        <p className="text-sm text-ink-muted">
          Choose an idea, the characters and a storyteller. The story is written in a few seconds; you can watch it
          happen.
        </p>
      </header>
      <CreateStoryForm
        catalogue={catalogue}
        action={createStoryAction}
        defaultBand="7-9"
        credits={{ amount: wallet.balance, label: 'Your family has' }}
        readerBase="/stories/"
      />
    </div>
  );
}
