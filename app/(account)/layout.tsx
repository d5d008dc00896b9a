import type { ReactNode } from 'react';
import { AppShell } from '@/components/layout/app-shell';
import { Providers } from '@/components/providers';
import { requireViewer } from '@/lib/auth/session';

// The account's own settings: the one place a viewer who must still set up a second factor may
// open (every page under app/(app) sends them here).
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer({ allowEnrolmentPending: true });
  return (
    <Providers>
      <AppShell name={viewer.name} role={viewer.role}>
        {children}
      </AppShell>
    </Providers>
  );
}
