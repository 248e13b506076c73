import type { ButtonHTMLAttributes } from 'react';

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'quiet' };

// primary: the one main action of a form; secondary: a form's submit that is not the page's main action
// (it must still look like a button); quiet: low-stakes actions beside another button (Deny, Sign out).
const VARIANTS = {
  primary: 'bg-brand-600 text-white hover:bg-brand-700 px-4 py-2',
  secondary: 'border border-stone-300 bg-white text-stone-800 shadow-sm hover:bg-stone-50 px-4 py-2',
  quiet: 'text-stone-600 hover:text-stone-900 hover:bg-stone-100 px-3 py-1.5',
};

export function Button({ variant = 'primary', className = '', type = 'button', ...props }: Props) {
  return (
    <button
      type={type}
      className={`shrink-0 whitespace-nowrap rounded-md text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 disabled:cursor-not-allowed disabled:opacity-60 ${VARIANTS[variant]} ${className}`}
      {...props}
    />
  );
}
