import type { ReactNode } from 'react';
import { redirectChildToKidHome } from '@/lib/auth/require-user';

// Kid mode, checked by the pages too (the proxy already redirects): sign-in and sign-up are grown-up pages.
export default async function AuthLayout({ children }: { children: ReactNode }) {
  await redirectChildToKidHome();
  return children;
}
