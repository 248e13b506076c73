import type { Metadata } from 'next';
import { ChildLiveUpdates } from '@/components/kids/child-live-updates';
import { CreateStoryForm } from '@/components/stories/create-story-form';
import { getMyAllowance } from '@/lib/credits/queries';
import { AGE_BANDS } from '@/lib/family/options';
import { getChildControls } from '@/lib/family/queries';
import { requireChild } from '@/lib/kids/require-child';
import { createKidStoryAction } from '@/lib/stories/create-story-action';
import { getStoryCatalogue } from '@/lib/stories/queries';
import { createClient } from '@/lib/supabase/server';

export const metadata: Metadata = { title: 'Make a story' };

export default async function KidCreatePage() {
  const child = await requireChild();
  const supabase = await createClient();
  const [catalogue, controls, allowance] = await Promise.all([
    getStoryCatalogue(supabase),
    getChildControls(supabase, { childId: child.id }),
    getMyAllowance(supabase),
  ]);
  const band = controls?.age_band ?? '4-6';
  // The database refuses a band above the child's (age_band_above_controls); offering it would only
  // lead to that refusal.
  const bands = AGE_BANDS.filter((b) => AGE_BANDS.indexOf(b) <= AGE_BANDS.indexOf(band));
  return (
    <div className="mx-auto max-w-3xl space-y-6 rounded-kid bg-kid-canvas px-4 py-6 font-kid sm:p-8">
      <h1 className="text-center text-3xl font-black text-kid-ink sm:text-4xl">Make a story</h1>
      {controls && !controls.creating_allowed ? (
        <p role="status" className="rounded-kid bg-kid-sun px-4 py-3 text-center text-xl text-kid-ink">
          Making stories is switched off right now. Ask a grown-up.
        </p>
      ) : null}
      <CreateStoryForm
        kid
        catalogue={catalogue}
        action={createKidStoryAction}
        bands={bands}
        defaultBand={band}
        credits={allowance ? { amount: allowance.credits_left, label: 'You have this month' } : null}
        readerBase="/kids/stories/"
      />
      <ChildLiveUpdates childId={child.id} />
    </div>
  );
}
