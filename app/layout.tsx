import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { NavBar } from '@/components/layout/nav-bar';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Tale Forge', template: '%s · Tale Forge' },
  description: 'Branching stories that families read and create together.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <Providers>
          <NavBar />
          <main className="mx-auto w-full max-w-5xl px-4 py-10 sm:px-6">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
