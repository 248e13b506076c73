// Kid mode: a child's session reaches only kid pages. Shared by the proxy (lib/supabase/proxy.ts) and
// the pages, so the two agree on what a kid page is and where a child lands.

/** Where a signed-in child lands, and where every grown-up route sends them. */
export const KID_HOME = '/kids/read';

/**
 * The pages a child's session may open: everything under /kids, and the live story sessions (/live),
 * which grown-ups and children share — the database's join rule decides which sessions a child enters.
 */
export function isKidPath(pathname: string): boolean {
  return ['/kids', '/live'].some((root) => pathname === root || pathname.startsWith(`${root}/`));
}

/** Whether the session's claims are a child account's (app_metadata.account_type, set only by the server). */
export function isChildClaims(claims: { app_metadata?: Record<string, unknown> } | null | undefined): boolean {
  return claims?.app_metadata?.account_type === 'child';
}
