'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export type SubNavItem = {
  href: string;
  label: string;
  exact?: boolean /** Other paths this tab stands for. */;
  also?: RegExp;
};

/** Section tabs as links (each a page of its own): the current one is marked with aria-current. */
export function SubNav({ label, items }: { label: string; items: SubNavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="-mx-1 overflow-x-auto">
      <ul className="flex min-w-max gap-1 border-b border-line px-1">
        {items.map((item) => {
          const current =
            (item.exact ? pathname === item.href : pathname.startsWith(item.href)) ||
            Boolean(item.also?.test(pathname));
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                className={`-mb-px inline-flex min-h-10 items-center border-b-2 px-3 text-sm font-medium ${
                  current
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
