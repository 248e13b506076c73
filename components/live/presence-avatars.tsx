'use client';

import { avatarEmoji } from '@/lib/family/avatars';
import type { PresenceMe } from '@/lib/live/live-channel';

/** Who is here now (presence), as avatars with names. */
export function PresenceAvatars({ present, kid }: { present: PresenceMe[]; kid: boolean }) {
  return (
    <ul aria-label="Who is here" className="flex flex-wrap gap-2" data-testid="live-presence">
      {present.map((person) => (
        <li
          key={person.user_id}
          className={`inline-flex items-center gap-1.5 rounded-full border border-line bg-surface px-2.5 py-1 ${kid ? 'text-lg' : 'text-sm'}`}
        >
          <span aria-hidden="true">{person.is_child ? avatarEmoji(person.avatar) : '🧑'}</span>
          <span className="max-w-32 truncate">{person.name}</span>
        </li>
      ))}
    </ul>
  );
}
