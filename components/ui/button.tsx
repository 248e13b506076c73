import Link from 'next/link';
import type { ButtonHTMLAttributes, ComponentProps } from 'react';

// primary: the one main action of a form or card; secondary: other actions that must still look like a
// button; quiet: low-stakes actions beside another button (Not today, Sign out); danger: actions that
// take something away (withdraw consent, deactivate). kid: the big, warm target of kid pages.
const VARIANTS = {
  primary: 'bg-accent text-accent-ink hover:bg-accent-hover',
  secondary: 'border border-line-strong bg-surface text-ink shadow-xs hover:bg-surface-muted',
  quiet: 'text-ink-muted hover:bg-surface-muted hover:text-ink',
  danger: 'border border-danger/40 bg-surface text-danger hover:bg-danger-soft',
  kid: 'bg-kid-accent font-kid font-bold text-kid-accent-ink shadow-sm hover:bg-kid-accent-hover',
} as const;

// Every size keeps at least a 24 px target (WCAG 2.5.8); kid buttons are 56 px for small hands.
const SIZES = {
  sm: 'min-h-8 rounded-md px-2.5 text-sm',
  md: 'min-h-9 rounded-md px-4 text-sm',
  kid: 'min-h-14 rounded-kid px-6 text-xl',
} as const;

export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = keyof typeof SIZES;

export function buttonClasses({
  variant = 'primary',
  size = variant === 'kid' ? 'kid' : 'md',
  className = '',
}: {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
} = {}) {
  return `inline-flex shrink-0 items-center justify-center gap-1.5 whitespace-nowrap font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-60 ${VARIANTS[variant]} ${SIZES[size]} ${className}`;
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: ButtonSize };

export function Button({ variant, size, className, type = 'button', ...props }: ButtonProps) {
  return <button type={type} className={buttonClasses({ variant, size, className })} {...props} />;
}

type ButtonLinkProps = ComponentProps<typeof Link> & { variant?: ButtonVariant; size?: ButtonSize };

/** A link that looks like a button (navigation, not an action). */
export function ButtonLink({ variant, size, className, ...props }: ButtonLinkProps) {
  return <Link className={buttonClasses({ variant, size, className })} {...props} />;
}
