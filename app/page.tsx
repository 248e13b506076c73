import { BookOpen, GitBranch, ShieldCheck } from 'lucide-react';
import Link from 'next/link';
import { TryAsGuestButton } from '@/components/credits/try-as-guest-button';
import { ButtonLink } from '@/components/ui/button';
import { redirectChildToKidHome } from '@/lib/auth/require-user';

const FEATURES = [
  { icon: GitBranch, title: 'Stories that branch', text: 'Children decide what happens next, page by page.' },
  { icon: BookOpen, title: 'Read together', text: 'Family and friends read one story and vote on the path.' },
  {
    icon: ShieldCheck,
    title: 'Calm controls',
    text: 'Daily minutes, bedtimes and requests, in one place for parents.',
  },
];

export default async function HomePage() {
  await redirectChildToKidHome();
  return (
    <div className="mx-auto max-w-3xl py-4 sm:py-10">
      <section className="text-center">
        <h1 className="text-3xl font-semibold tracking-tight text-balance sm:text-5xl">
          Stories where your children choose the path
        </h1>
        <p className="mx-auto mt-5 max-w-2xl text-lg leading-relaxed text-ink-muted">
          Tale Forge is a home for branching stories. Kids read and write adventures, decide what happens next, and read
          together with family and friends. Parents keep a calm eye on it all.
        </p>
        <div className="mt-8 flex flex-wrap justify-center gap-3">
          <ButtonLink href="/sign-up" className="min-h-11 px-5">
            Create a family account
          </ButtonLink>
          <ButtonLink href="/sign-in" variant="secondary" className="min-h-11 px-5">
            Sign in
          </ButtonLink>
        </div>
        <div className="mt-4 flex justify-center">
          <TryAsGuestButton />
        </div>
        <p className="mt-6 text-sm text-ink-muted">
          Are you a young reader?{' '}
          <Link href="/kids" className="font-medium text-accent-strong underline underline-offset-2">
            Sign in with your family code
          </Link>
        </p>
      </section>
      <ul className="mt-12 grid gap-4 sm:grid-cols-3">
        {FEATURES.map(({ icon: Icon, title, text }) => (
          <li key={title} className="rounded-xl border border-line bg-surface p-4">
            <Icon aria-hidden="true" className="size-5 text-accent" />
            <h2 className="mt-2 text-sm font-semibold">{title}</h2>
            <p className="mt-1 text-sm text-ink-muted">{text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
