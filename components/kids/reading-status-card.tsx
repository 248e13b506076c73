import { type KidStatus, type KidStatusKind, kidStatusText } from '@/lib/kids/reading-status';

// One picture and one colour per status, so a child who cannot read yet still sees what is going on.
const LOOK: Record<KidStatusKind, { icon: string; tone: string }> = {
  ready: { icon: '📖', tone: 'bg-sky-100 text-sky-950' },
  reading: { icon: '🦉', tone: 'bg-emerald-100 text-emerald-950' },
  resting: { icon: '👀', tone: 'bg-amber-100 text-amber-950' },
  paused: { icon: '⏸️', tone: 'bg-indigo-100 text-indigo-950' },
  reading_off: { icon: '🔒', tone: 'bg-stone-200 text-stone-900' },
  bedtime: { icon: '🌙', tone: 'bg-indigo-100 text-indigo-950' },
  used_up: { icon: '⌛', tone: 'bg-amber-100 text-amber-950' },
  waiting: { icon: '⏳', tone: 'bg-violet-100 text-violet-950' },
  more_time: { icon: '🎉', tone: 'bg-emerald-100 text-emerald-950' },
  not_today: { icon: '🌈', tone: 'bg-sky-100 text-sky-950' },
};

/** The one status the child sees, announced politely to screen readers when it changes. */
export function ReadingStatusCard({ status }: { status: KidStatus }) {
  const look = LOOK[status.kind];
  return (
    <p
      role="status"
      className={`flex items-center justify-center gap-3 rounded-3xl px-5 py-4 text-2xl font-semibold ${look.tone}`}
    >
      <span aria-hidden="true" className="text-4xl leading-none">
        {look.icon}
      </span>
      <span data-testid="reading-status" data-status={status.kind}>
        {kidStatusText(status)}
      </span>
    </p>
  );
}
