'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export type SubNavItem = {
  href: string;
  label: string;
  /** Only this path, not the ones below it. */
  exact?: boolean;
  /** Path prefixes this tab also stands for (plain strings: props cross the server/client boundary). */
  also?: string[];
};

function matches(item: SubNavItem, pathname: string): boolean {
  if (pathname === item.href) return true;
  if (!item.exact && pathname.startsWith(`${item.href}/`)) return true;
  return Boolean(item.also?.some((prefix) => pathname.startsWith(prefix)));
}

/** Section tabs as links (each a page of its own): the current one is marked with aria-current. */
export function SubNav({ label, items }: { label: string; items: SubNavItem[] }) {
  const pathname = usePathname();
  // The tab for exactly this page wins over one that covers it by prefix.
  const current = items.find((item) => item.href === pathname) ?? items.find((item) => matches(item, pathname)) ?? null;
  return (
    <nav aria-label={label} className="-mx-1 overflow-x-auto">
      <ul className="flex min-w-max gap-1 border-b border-line px-1">
        {items.map((item) => {
          const isCurrent = item === current;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={isCurrent ? 'page' : undefined}
                className={`-mb-px inline-flex min-h-10 items-center border-b-2 px-3 text-sm font-medium ${
                  isCurrent
                    ? 'border-accent text-accent-strong'
                    : 'border-transparent text-ink-muted hover:border-line-strong hover:text-ink'
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
