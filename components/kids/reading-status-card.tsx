import { type KidStatus, type KidStatusKind, kidStatusText } from '@/lib/kids/reading-status';

// One picture and one colour per status, so a child who cannot read yet still sees what is going on.
const LOOK: Record<KidStatusKind, { icon: string; tone: string }> = {
  ready: { icon: '📖', tone: 'bg-kid-sky' },
  reading: { icon: '🦉', tone: 'bg-kid-leaf/25' },
  resting: { icon: '👀', tone: 'bg-kid-sun' },
  paused: { icon: '⏸️', tone: 'bg-kid-sky' },
  reading_off: { icon: '🔒', tone: 'bg-kid-sky' },
  bedtime: { icon: '🌙', tone: 'bg-kid-sky' },
  used_up: { icon: '⌛', tone: 'bg-kid-sun' },
  waiting: { icon: '⏳', tone: 'bg-kid-sun' },
  more_time: { icon: '🎉', tone: 'bg-kid-leaf/25' },
  not_today: { icon: '🌈', tone: 'bg-kid-sky' },
};

/** The one status the child sees, announced politely to screen readers when it changes. */
export function ReadingStatusCard({ status }: { status: KidStatus }) {
  const look = LOOK[status.kind];
  return (
    <p
      role="status"
      className={`flex items-center justify-center gap-3 rounded-kid px-5 py-4 text-2xl font-extrabold text-kid-ink ${look.tone}`}
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
