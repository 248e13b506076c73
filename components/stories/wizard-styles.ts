// The wizard's look in its two homes: the grown-up pages (compact, design tokens) and kid mode (big
// type, 56 px targets, the kid-* roles). One place so both forms stay the same form.
export function wizardStyles(kid: boolean) {
  return kid
    ? {
        panel: 'space-y-3 rounded-kid bg-kid-surface p-4 shadow-sm sm:p-6',
        legend: 'px-1 font-kid text-2xl font-black text-kid-ink',
        label: 'block text-lg font-semibold text-kid-ink',
        hint: 'text-lg text-kid-ink-muted',
        input:
          'block min-h-14 w-full rounded-kid border-2 border-kid-sky bg-kid-surface px-4 py-3 text-lg text-kid-ink',
        option:
          'flex min-h-14 cursor-pointer items-start gap-3 rounded-kid border-2 border-kid-sky bg-kid-surface p-3 has-checked:border-kid-accent',
        optionTitle: 'block text-lg font-bold text-kid-ink',
        optionText: 'block text-base text-kid-ink-muted',
        price: 'mt-1 block text-base font-semibold text-kid-ink',
        radio: 'mt-1.5 size-5 accent-(--color-kid-accent)',
        chip: (on: boolean) =>
          `inline-flex min-h-14 cursor-pointer items-center gap-2 rounded-kid border-2 px-4 text-lg font-bold has-focus-visible:outline-4 has-focus-visible:outline-focus ${
            on ? 'border-kid-accent bg-kid-accent text-kid-accent-ink' : 'border-kid-sky bg-kid-surface text-kid-ink'
          }`,
        chipNote: 'text-sm font-normal opacity-80',
      }
    : {
        panel: 'space-y-3 rounded-xl border border-line bg-surface p-4 shadow-xs sm:p-5',
        legend: 'px-1 text-base font-semibold text-ink',
        label: 'block text-sm font-medium text-ink',
        hint: 'text-sm text-ink-muted',
        input:
          'block min-h-9 w-full rounded-md border border-line-strong bg-surface px-3 py-1.5 text-ink shadow-xs aria-invalid:border-danger',
        option:
          'flex cursor-pointer items-start gap-3 rounded-lg border border-line p-3 hover:bg-surface-muted has-checked:border-accent has-checked:bg-accent-soft',
        optionTitle: 'block text-sm font-semibold text-ink',
        optionText: 'block text-sm text-ink-muted',
        price: 'mt-1 block text-sm font-medium text-ink',
        radio: 'mt-1 accent-(--color-accent)',
        chip: (on: boolean) =>
          `inline-flex min-h-9 cursor-pointer items-center gap-1.5 rounded-full border px-3 text-sm font-medium has-focus-visible:outline-2 has-focus-visible:outline-focus ${
            on
              ? 'border-accent bg-accent text-accent-ink'
              : 'border-line-strong bg-surface text-ink hover:bg-surface-muted'
          }`,
        chipNote: 'text-xs font-normal opacity-80',
      };
}
