import type { ReactNode } from 'react';
import { AppShell } from '@/components/layout/app-shell';
import { requireViewer } from '@/lib/auth/session';

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  return (
    <AppShell name={viewer.name} role={viewer.role}>
      {children}
    </AppShell>
  );
}
