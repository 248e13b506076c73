'use client';

import { Delete } from 'lucide-react';
import { useEffect, useState } from 'react';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
const KEY =
  'flex h-20 w-20 items-center justify-center rounded-kid bg-kid-surface text-4xl font-black text-kid-ink shadow-md ring-2 ring-kid-sky hover:ring-kid-accent active:scale-95 disabled:opacity-50 sm:h-24 sm:w-24';

type Props = {
  /** What the PIN is for, read out with the pad ("Mia's PIN"). */
  label: string;
  onSubmit: (pin: string) => void;
  pending: boolean;
  minLength?: number;
  maxLength?: number;
};

/**
 * A big on-screen number pad: no keyboard, no text box. Dots show how many numbers are in; the digits
 * are never shown. A hardware keyboard works too (digits, Backspace, Enter). Remount it (new key) to
 * clear it, e.g. after a wrong PIN.
 */
export function PinPad({ label, onSubmit, pending, minLength = 4, maxLength = 6 }: Props) {
  const [pin, setPin] = useState('');
  const complete = pin.length >= minLength;

  const press = (digit: string) => setPin((current) => (current.length < maxLength ? current + digit : current));
  const erase = () => setPin((current) => current.slice(0, -1));
  const submit = () => {
    if (complete && !pending) onSubmit(pin);
  };

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (/^[0-9]$/.test(event.key)) press(event.key);
      else if (event.key === 'Backspace') erase();
      else if (event.key === 'Enter' && complete && !pending) onSubmit(pin);
      else return;
      event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <fieldset className="mx-auto flex w-fit flex-col items-center gap-5">
      <legend className="sr-only">{label}</legend>
      <output aria-live="polite" aria-label={`${pin.length} of ${maxLength} numbers typed`} className="flex gap-3">
        {Array.from({ length: Math.max(minLength, pin.length) }, (_, i) => (
          <span
            // biome-ignore lint/suspicious/noArrayIndexKey: the dots are positions, not items
            key={i}
            className={`h-6 w-6 rounded-full border-4 ${i < pin.length ? 'border-kid-accent bg-kid-accent' : 'border-kid-sky bg-kid-surface'}`}
          />
        ))}
      </output>
      <div className="grid grid-cols-3 gap-3 sm:gap-4">
        {DIGITS.map((digit) => (
          <button key={digit} type="button" className={KEY} onClick={() => press(digit)} disabled={pending}>
            {digit}
          </button>
        ))}
        <button type="button" className={KEY} onClick={erase} disabled={pending || !pin} aria-label="Delete">
          <Delete aria-hidden="true" className="size-9" />
        </button>
        <button type="button" className={KEY} onClick={() => press('0')} disabled={pending}>
          0
        </button>
        <button
          type="button"
          className={`${KEY} bg-kid-accent text-kid-accent-ink ring-kid-accent`}
          onClick={submit}
          disabled={pending || !complete}
          aria-label="Go"
        >
          <span aria-hidden="true">{pending ? '…' : '✓'}</span>
        </button>
      </div>
    </fieldset>
  );
}
