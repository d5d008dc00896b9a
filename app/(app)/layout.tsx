import type { ReactNode } from 'react';
import { SignInNotice } from '@/components/account/sign-in-notice';
import { AppShell } from '@/components/layout/app-shell';
import { Providers } from '@/components/providers';
import { requireViewer } from '@/lib/auth/session';
import { getSignInNotice } from '@/lib/data/accounts';

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const notice = await getSignInNotice(viewer);
  return (
    <Providers account={{ userId: viewer.userId, email: viewer.email }}>
      <AppShell name={viewer.name} role={viewer.role}>
        {notice.failedAttempts > 0 ? <SignInNotice failedAttempts={notice.failedAttempts} /> : null}
        {children}
      </AppShell>
    </Providers>
  );
}
