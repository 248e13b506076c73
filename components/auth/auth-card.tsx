import type { ReactNode } from 'react';

export function AuthCard({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-md rounded-xl border border-line bg-surface p-8 shadow-sm">
      <h1 className="text-2xl font-semibold tracking-tight text-ink">{title}</h1>
      <p className="mt-1 mb-6 text-sm text-ink-muted">{intro}</p>
      {children}
    </div>
  );
}
