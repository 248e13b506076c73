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
    <section aria-labelledby={id} className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
      <h2 id={id} className="text-base font-semibold text-stone-900">
        {title}
      </h2>
      {intro ? <p className="mt-1 text-sm text-stone-500">{intro}</p> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}
