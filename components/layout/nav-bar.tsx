import Link from 'next/link';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { getMyRole } from '@/lib/family/get-my-role';
import { KID_HOME } from '@/lib/kids/kid-mode';

const LINK = 'rounded-md px-1 py-1 text-stone-600 hover:text-stone-900';

export async function NavBar() {
  const user = await getCurrentUser();
  const role = await getMyRole();

  return (
    <header className="border-b border-stone-200 bg-white/80 backdrop-blur">
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-5xl items-center justify-between gap-3 whitespace-nowrap px-4 py-3 sm:px-6"
      >
        {/* In kid mode the logo is the way home: the kid home, never the grown-up one. */}
        <Link
          href={user?.isChild ? KID_HOME : '/'}
          className="rounded-md text-lg font-semibold tracking-tight text-brand-700"
        >
          Tale Forge
        </Link>
        {user?.isChild ? (
          // Kid mode: no way out but "leave kid mode" on the kid home, which asks for the parent PIN.
          <Link href={KID_HOME} className={`text-sm ${LINK}`}>
            Reading
          </Link>
        ) : user ? (
          <div className="flex items-center gap-2 text-sm sm:gap-4">
            <Link href="/dashboard" className={LINK}>
              Dashboard
            </Link>
            {role === 'parent' ? (
              <Link href="/parent" className={LINK}>
                Family
              </Link>
            ) : null}
            {/* On a phone the name would push the bar onto two lines; the dashboard greets by name anyway. */}
            <span className="hidden max-w-40 truncate text-stone-500 sm:inline" data-testid="nav-user-name">
              {user.profile.display_name}
            </span>
            <SignOutButton />
          </div>
        ) : (
          <div className="flex items-center gap-2 text-sm sm:gap-3">
            <Link href="/kids" className={LINK}>
              Kids
            </Link>
            <Link href="/sign-in" className={LINK}>
              Sign in
            </Link>
            <Link
              href="/sign-up"
              className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700"
            >
              Sign up
            </Link>
          </div>
        )}
      </nav>
    </header>
  );
}
