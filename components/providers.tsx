'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { SessionRecovery } from '@/components/auth/session-recovery';

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Server Components paint first; a client query hydrated from them stays fresh until a
      // mutation invalidates it, instead of refetching (and writing another audit event) on mount.
      queries: { staleTime: 60_000, refetchOnWindowFocus: false, retry: 1 },
      mutations: { retry: false },
    },
  });
}

/**
 * Client-side state shared by a page's client components: TanStack Query's cache and, for a
 * signed-in page (`account`), the in-place sign-in that takes over when the session ends.
 */
export function Providers({
  account,
  children,
}: {
  account?: { userId: string; email: string };
  children: ReactNode;
}) {
  // One client per browser tab (and per server render), never shared between users.
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      {children}
      {account ? <SessionRecovery userId={account.userId} email={account.email} /> : null}
    </QueryClientProvider>
  );
}
