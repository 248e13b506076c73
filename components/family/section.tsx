import type { ReactNode } from 'react';

export function Section({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-line bg-surface p-5 shadow-sm">
      <h2 id={id} className="text-base font-semibold text-ink">
        {title}
      </h2>
      {intro ? <p className="mt-1 text-sm text-ink-subtle">{intro}</p> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}
