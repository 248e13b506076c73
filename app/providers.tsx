'use client';

import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { makeQueryClient } from '@/lib/query/query-client';

export function Providers({ children }: { children: ReactNode }) {
  // useState, not a module variable: on the server each request needs its own cache (no data shared
  // between users); in the browser the client lives as long as the app.
  const [queryClient] = useState(makeQueryClient);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
