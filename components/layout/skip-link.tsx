/** The first tab stop of every page: straight past the navigation to the page's own content. */
export function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only z-50 rounded-md bg-surface px-4 py-2 text-sm font-medium text-accent-strong shadow-md focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
    >
      Skip to content
    </a>
  );
}
