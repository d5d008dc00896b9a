import { Brand } from '@/components/layout/brand';
import { InboxBadge } from '@/components/layout/inbox-badge';
import { MainNav } from '@/components/layout/main-nav';
import { navItemsFor } from '@/components/layout/nav-items';
import { SignOutButton } from '@/components/layout/sign-out-button';
import type { Role } from '@/lib/auth/viewer';
import { roleLabel } from '@/lib/format';

/**
 * The signed-in header: product, the inbox with its live unread count, who is signed in and as
 * what, sign out, the role's sections.
 */
export function AppHeader({ name, role }: { name: string; role: Role }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto max-w-5xl px-4 sm:px-6">
        <div className="flex items-center justify-between gap-4 pt-3 pb-1 sm:pt-4">
          <Brand />
          <div className="flex min-w-0 items-center gap-3 sm:gap-4">
            <InboxBadge />
            <p className="min-w-0 text-right leading-tight">
              <span className="block truncate text-sm font-medium text-slate-900">{name}</span>
              <span className="block text-xs text-slate-600">{roleLabel(role)}</span>
            </p>
            <SignOutButton />
          </div>
        </div>
        {/* A patient's phone has the tab bar at the bottom of the screen instead (AppShell). */}
        <MainNav
          items={navItemsFor(role)}
          className={role === 'PATIENT' ? 'hidden sm:block' : ''}
        />
      </div>
    </header>
  );
}
