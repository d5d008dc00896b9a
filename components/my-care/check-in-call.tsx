'use client';

import { format } from 'date-fns';
import Link from 'next/link';
import { useSyncExternalStore } from 'react';
import { buttonClass } from '@/components/ui/button';

const noSubscription = () => () => {};

/**
 * "Check in for today", or "You checked in today — update it" once today's check-in exists.
 * Which day is today is the patient's own calendar day, known only in the browser.
 */
export function CheckInCall({ recentCheckInDates }: { recentCheckInDates: string[] }) {
  const today = useSyncExternalStore(
    noSubscription,
    () => format(new Date(), 'yyyy-MM-dd'),
    () => null,
  );
  const done = today !== null && recentCheckInDates.includes(today);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Link
        href="/my-care/check-in"
        className={buttonClass(done ? 'secondary' : 'primary', 'min-h-12 px-5 text-base')}
      >
        {done ? 'You checked in today — update it' : 'Check in for today'}
      </Link>
      <p className="text-sm text-slate-600">
        {done ? 'Thank you. Come back tomorrow.' : 'It takes under a minute.'}
      </p>
    </div>
  );
}
