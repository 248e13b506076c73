import { redirect } from 'next/navigation';
import { tidyJoinCode } from '@/lib/live/live.schema';

// A join link someone shared: /live/join/<code> opens /live with the code filled in, so the person sees
// which session they are joining (and a clear sentence if the code is wrong or has ended) before joining.
export default async function JoinLinkPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  redirect(`/live?code=${encodeURIComponent(tidyJoinCode(decodeURIComponent(code)).slice(0, 16))}`);
}
