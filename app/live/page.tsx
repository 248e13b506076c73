import type { Metadata } from 'next';
import Link from 'next/link';
import { KidCard } from '@/components/kids/kid-card';
import { CreateSessionForm } from '@/components/live/create-session-form';
import { JoinCodeButton } from '@/components/live/join-code-button';
import { JoinSessionForm } from '@/components/live/join-session-form';
import { Card } from '@/components/ui/card';
import { getFamily } from '@/lib/family/queries';
import { formatInFamilyZone } from '@/lib/format/family-time';
import { tidyJoinCode } from '@/lib/live/live.schema';
import { requireLiveViewer } from '@/lib/live/live-viewer';
import { STATUS_LABELS } from '@/lib/live/options';
import { listOpenLiveSessions } from '@/lib/live/queries';
import { createClient } from '@/lib/supabase/server';

export const metadata: Metadata = { title: 'Live stories' };

/**
 * Live story sessions: join with a code (everyone; ?code= pre-fills it, as /live/join/<code> links do),
 * the family's sessions that are running or planned, and — for grown-ups — start or schedule one.
 */
export default async function LivePage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const [viewer, params] = await Promise.all([requireLiveViewer('/live'), searchParams]);
  const supabase = await createClient();
  const [sessions, family] = await Promise.all([
    listOpenLiveSessions(supabase),
    viewer.familyId ? getFamily(supabase, { familyId: viewer.familyId }) : Promise.resolve(null),
  ]);
  const timeZone = family?.time_zone ?? 'UTC';
  const code = typeof params.code === 'string' ? tidyJoinCode(params.code).slice(0, 16) : '';
  const kid = viewer.isChild;

  const list = sessions.length ? (
    <ul className="space-y-3" aria-label="Live sessions in your family">
      {sessions.map((session) => (
        <li
          key={session.id}
          className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-line bg-surface p-3 text-left"
        >
          <div className="min-w-0">
            <p className={`font-semibold ${kid ? 'text-xl' : ''}`}>{session.title}</p>
            <p className="text-sm text-ink-muted">
              {STATUS_LABELS[session.status]}
              {session.scheduled_start && session.status === 'scheduled'
                ? ` · starts ${formatInFamilyZone(session.scheduled_start, timeZone)}`
                : ''}
            </p>
          </div>
          <JoinCodeButton code={session.join_code} title={session.title} kid={kid} />
        </li>
      ))}
    </ul>
  ) : (
    <p className="text-ink-muted">No live sessions in your family right now.</p>
  );

  if (kid) {
    return (
      <KidCard wide>
        <h1 className="text-3xl font-black">Read together, live</h1>
        <section aria-labelledby="kid-join" className="space-y-3 text-left">
          <h2 id="kid-join" className="text-2xl font-bold">
            Got a code?
          </h2>
          <JoinSessionForm code={code} kid />
        </section>
        <section aria-labelledby="kid-now" className="space-y-3 text-left">
          <h2 id="kid-now" className="text-2xl font-bold">
            Live now in your family
          </h2>
          {list}
        </section>
      </KidCard>
    );
  }

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">Live stories</h1>
      <p className="text-ink-muted">
        Read a story together: everyone sees the same page, votes on what happens next and chats beside it.{' '}
        <Link href="/parent" className="underline underline-offset-2">
          Children
        </Link>{' '}
        join sessions their own family runs, when their controls allow live sessions.
      </p>
      <Card id="join-heading" title="Join with a code">
        <JoinSessionForm code={code} kid={false} />
      </Card>
      <Card id="family-sessions-heading" title="Live now in your family">
        {list}
      </Card>
      {viewer.isParent ? (
        <Card id="create-heading" title="Start a session">
          <CreateSessionForm />
        </Card>
      ) : null}
    </div>
  );
}
