'use client';

import { useOptimistic, useTransition } from 'react';
import { setFavouriteAction } from '@/lib/stories/favourite-action';

/** The heart on a kid's story card: on at once (optimistic), the server's answer follows. */
export function FavouriteButton({ storyId, title, favourite }: { storyId: string; title: string; favourite: boolean }) {
  const [shown, setShown] = useOptimistic(favourite);
  const [, startTransition] = useTransition();
  return (
    <button
      type="button"
      aria-pressed={shown}
      aria-label={`Favourite: ${title}`}
      onClick={() =>
        startTransition(async () => {
          setShown(!shown);
          await setFavouriteAction({ storyId, favourite: !shown });
        })
      }
      className="inline-flex size-14 items-center justify-center rounded-full bg-kid-canvas text-3xl shadow-sm hover:bg-kid-sky"
    >
      <span aria-hidden="true">{shown ? '❤️' : '🤍'}</span>
    </button>
  );
}
