import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

/** My care's way to the safety plan, one tap from home, and to the contact details beside it. */
export function SafetyPlanCall() {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <Link href="/my-care/safety-plan" className={buttonClass()}>
        Open my safety plan
      </Link>
      <Link href="/my-care/contact" className="font-medium text-teal-800 underline">
        How to reach you
      </Link>
    </div>
  );
}
