'use client';

import { useEffect, useState } from 'react';

const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'scroll', 'wheel', 'touchstart'] as const;

/**
 * Whether the page is on screen (Page Visibility API) and the child has touched, scrolled or typed in
 * the last `idleAfterMs`. The reader's clock runs only while both are true, so a tablet left on the
 * table, or a tab in the background, stops counting.
 */
export function usePageActivity(idleAfterMs: number): { visible: boolean; active: boolean } {
  const [visible, setVisible] = useState(true);
  const [active, setActive] = useState(true);

  useEffect(() => {
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    const onVisibility = () => setVisible(document.visibilityState === 'visible');
    const onInput = () => {
      setActive(true);
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => setActive(false), idleAfterMs);
    };
    onVisibility();
    onInput();
    for (const event of INPUT_EVENTS) window.addEventListener(event, onInput, { passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearTimeout(idleTimer);
      for (const event of INPUT_EVENTS) window.removeEventListener(event, onInput);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [idleAfterMs]);

  return { visible, active };
}
