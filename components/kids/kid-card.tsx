import type { ReactNode } from 'react';
import { KidScene } from './kid-scene';

/**
 * The frame of every kid page: the warm kid-* colour roles (light and dark), rounded-kid corners, the
 * rounded kid font and a small illustrated scene on top. `wide` for the avatar grid.
 */
export function KidCard({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <div
      className={`mx-auto ${wide ? 'max-w-3xl' : 'max-w-xl'} overflow-hidden rounded-kid bg-kid-canvas font-kid text-kid-ink shadow-sm ring-1 ring-kid-sun/60`}
    >
      <KidScene />
      <div className="space-y-8 px-5 pt-4 pb-8 text-center sm:px-10 sm:pb-10">{children}</div>
    </div>
  );
}
