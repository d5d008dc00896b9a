import type { ReactNode } from 'react';
import { AppShell } from '@/components/layout/app-shell';
import { Providers } from '@/components/providers';
import { requireViewer } from '@/lib/auth/session';

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  return (
    <Providers>
      <AppShell name={viewer.name} role={viewer.role}>
        {children}
      </AppShell>
    </Providers>
  );
}
