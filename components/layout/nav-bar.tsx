import Link from 'next/link';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { buttonClasses } from '@/components/ui/button';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { getMyRole } from '@/lib/family/get-my-role';
import { KID_HOME } from '@/lib/kids/kid-mode';
import { getLiveSessionsAllowed } from '@/lib/live/queries';
import { createClient } from '@/lib/supabase/server';
import { BrandMark } from './brand-mark';

// min-h-8: every link in the bar is a 32 px target, above WCAG's 24 px minimum.
const LINK =
  'inline-flex min-h-8 items-center rounded-md px-1.5 text-ink-muted sm:px-2 hover:bg-surface-muted hover:text-ink';

export async function NavBar() {
  const user = await getCurrentUser();
  const role = await getMyRole();
  // A child sees "Live" only while their controls switch live sessions on.
  const kidLive = user?.isChild ? await getLiveSessionsAllowed(await createClient(), { userId: user.id }) : false;

  return (
    <header className="border-b border-line bg-surface/85 backdrop-blur">
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-5xl items-center justify-between gap-3 whitespace-nowrap px-4 py-2 sm:px-6"
      >
        {/* In kid mode the logo leads to the kid home: grown-up pages are not for the child's session. */}
        <Link
          href={user?.isChild ? KID_HOME : '/'}
          className="inline-flex min-h-8 items-center gap-2 rounded-md text-lg font-semibold tracking-tight text-accent-strong"
        >
          <BrandMark className="size-7" />
          {/* On a phone the mark alone: with Stories in the bar, the name pushed it past 390 px. */}
          <span className="max-sm:sr-only">Tale Forge</span>
        </Link>
        {user?.isChild ? (
          // Kid mode: no way out but "leave kid mode" on the kid home, which asks for the parent PIN.
          <div className="flex items-center gap-1 text-sm sm:gap-3">
            <Link href={KID_HOME} className={LINK}>
              Reading
            </Link>
            <Link href="/kids/library" className={LINK}>
              Stories
            </Link>
            <Link href="/kids/credits" className={LINK}>
              My credits
            </Link>
            {kidLive ? (
              <Link href="/live" className={LINK}>
                Live
              </Link>
            ) : null}
          </div>
        ) : user ? (
          <div className="flex items-center gap-0.5 text-sm sm:gap-2">
            {role === 'parent' ? (
              <>
                <Link href="/parent" className={LINK}>
                  Family
                </Link>
                <Link href="/stories" className={LINK}>
                  Stories
                </Link>
                {/* Phones have no room for a fifth link: there /live is a tab of the Stories section. */}
                <Link href="/live" className={`${LINK} max-sm:hidden`}>
                  Live
                </Link>
                <Link href="/credits" className={LINK}>
                  Credits
                </Link>
              </>
            ) : null}
            <Link href="/dashboard" className={LINK}>
              Account
            </Link>
            {/* On a phone the name would push the bar onto two lines; the account page greets by name. */}
            <span className="hidden max-w-40 truncate px-1 text-ink-subtle md:inline" data-testid="nav-user-name">
              {user.profile.display_name}
            </span>
            <SignOutButton />
          </div>
        ) : (
          <div className="flex items-center gap-1 text-sm sm:gap-2">
            <Link href="/kids" className={LINK}>
              Kids
            </Link>
            <Link href="/sign-in" className={LINK}>
              Sign in
            </Link>
            <Link href="/sign-up" className={buttonClasses({ size: 'sm' })}>
              Sign up
            </Link>
          </div>
        )}
      </nav>
    </header>
  );
}
