import '@fontsource-variable/inter';
import '@fontsource-variable/nunito';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { NavBar } from '@/components/layout/nav-bar';
import { SkipLink } from '@/components/layout/skip-link';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { themeOf } from '@/lib/profiles/theme';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Tale Forge', template: '%s · Tale Forge' },
  description: 'Branching stories that families read and create together.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered on the server from the profile, so the first paint already has the chosen theme.
  const theme = themeOf((await getCurrentUser())?.profile.preferences);
  return (
    <html lang="en" data-theme={theme}>
      <body className="min-h-screen font-sans">
        <SkipLink />
        <Providers>
          <NavBar />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl px-4 py-6 outline-none sm:px-6 sm:py-10">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
