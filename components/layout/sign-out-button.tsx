'use client';

import { signOut } from 'next-auth/react';
import { useState, useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * Ends the session and returns to the sign-in page. Never wraps: on a phone the inbox count that
 * arrives after the first paint would squeeze it onto two lines and push the whole page down.
 */
export function SignOutButton({
  className = 'shrink-0 rounded-md border whitespace-nowrap border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:cursor-wait disabled:text-slate-600',
}: {
  className?: string;
}) {
  // Disabled until hydrated: a click before then would do nothing and look like a broken button.
  const isHydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [isSigningOut, setIsSigningOut] = useState(false);
  return (
    <button
      type="button"
      disabled={!isHydrated || isSigningOut}
      onClick={() => {
        setIsSigningOut(true);
        void signOut({ callbackUrl: '/sign-in' });
      }}
      className={className}
    >
      {isSigningOut ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
