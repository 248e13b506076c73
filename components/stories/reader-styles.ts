// The reader in its two homes: grown-up pages (design tokens, compact) and kid mode (big type, 56 px
// choice buttons, the kid-* roles).
export function readerStyles(kid: boolean) {
  return kid
    ? {
        frame: 'space-y-5 rounded-kid bg-kid-canvas p-4 font-kid sm:p-6',
        title: 'text-3xl font-black text-kid-ink sm:text-4xl',
        meta: 'text-lg text-kid-ink-muted',
        page: 'space-y-4 rounded-kid bg-kid-surface p-4 shadow-sm sm:p-6',
        text: 'space-y-3 text-xl leading-relaxed text-kid-ink sm:text-2xl',
        picture: 'aspect-[4/3] w-full rounded-kid bg-kid-sky object-cover',
        choice:
          'flex min-h-16 w-full items-center justify-between gap-3 rounded-kid bg-kid-accent px-5 py-3 text-left text-xl font-bold text-kid-accent-ink shadow-sm hover:bg-kid-accent-hover disabled:opacity-60',
        unexplored:
          'flex min-h-16 w-full items-center justify-between gap-3 rounded-kid border-2 border-dashed border-kid-accent bg-kid-surface px-5 py-3 text-left text-xl font-bold text-kid-ink hover:bg-kid-sky disabled:opacity-60',
        note: 'rounded-kid bg-kid-sun px-4 py-3 text-xl text-kid-ink',
        small: 'text-lg text-kid-ink-muted',
        button: 'kid' as const,
        quiet: 'quiet' as const,
      }
    : {
        frame: 'space-y-4',
        title: 'text-2xl font-semibold tracking-tight text-ink',
        meta: 'text-sm text-ink-muted',
        page: 'space-y-4 rounded-xl border border-line bg-surface p-4 shadow-xs sm:p-6',
        text: 'space-y-3 text-lg leading-relaxed text-ink',
        picture: 'aspect-[4/3] w-full rounded-lg bg-surface-muted object-cover',
        choice:
          'flex min-h-12 w-full items-center justify-between gap-3 rounded-lg bg-accent px-4 py-2.5 text-left text-base font-semibold text-accent-ink hover:bg-accent-hover disabled:opacity-60',
        unexplored:
          'flex min-h-12 w-full items-center justify-between gap-3 rounded-lg border border-dashed border-accent bg-surface px-4 py-2.5 text-left text-base font-semibold text-accent-strong hover:bg-accent-soft disabled:opacity-60',
        note: 'rounded-lg bg-warning-soft px-4 py-3 text-warning',
        small: 'text-sm text-ink-muted',
        button: 'primary' as const,
        quiet: 'quiet' as const,
      };
}
