import type { ReactNode } from 'react';

/** A titled block of a grown-up page; its heading names the region for screen readers and tests. */
export function Card({
  id,
  title,
  intro,
  actions,
  children,
  className = '',
  level = 2,
}: {
  id: string;
  title: ReactNode;
  intro?: ReactNode;
  /** Controls beside the title (e.g. "Open Mia's page"). */
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  level?: 2 | 3;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section
      aria-labelledby={id}
      className={`rounded-xl border border-line bg-surface p-4 shadow-xs sm:p-5 ${className}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-2">
        <div className="min-w-0">
          <Heading id={id} className="text-base font-semibold text-ink">
            {title}
          </Heading>
          {intro ? <p className="mt-0.5 text-sm text-ink-muted">{intro}</p> : null}
        </div>
        {actions}
      </div>
      <div className="mt-4">{children}</div>
    </section>
  );
}
