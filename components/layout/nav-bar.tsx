import Link from 'next/link';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { getMyRole } from '@/lib/family/get-my-role';

export async function NavBar() {
  const user = await getCurrentUser();
  const role = await getMyRole();

  return (
    <header className="border-b border-stone-200 bg-white/80 backdrop-blur">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <Link href="/" className="text-lg font-semibold tracking-tight text-brand-700">
          Tale Forge
        </Link>
        {user && role === 'child' ? (
          // Kid mode: no way out but "leave kid mode" on /kids/read, which asks for the parent PIN.
          <Link href="/kids/read" className="text-sm text-stone-600 hover:text-stone-900">
            Reading
          </Link>
        ) : user ? (
          <div className="flex items-center gap-4 text-sm">
            <Link href="/dashboard" className="text-stone-600 hover:text-stone-900">
              Dashboard
            </Link>
            {role === 'parent' ? (
              <Link href="/parent" className="text-stone-600 hover:text-stone-900">
                Family
              </Link>
            ) : null}
            <span className="text-stone-500" data-testid="nav-user-name">
              {user.profile.display_name}
            </span>
            <SignOutButton />
          </div>
        ) : (
          <div className="flex items-center gap-3 text-sm">
            <Link href="/kids" className="text-stone-600 hover:text-stone-900">
              Kids
            </Link>
            <Link href="/sign-in" className="text-stone-600 hover:text-stone-900">
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
