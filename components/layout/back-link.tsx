import Link from 'next/link';
import type { ReactNode } from 'react';

const PLACEMENT = {
  above: { paragraph: 'mb-4', link: 'text-sm font-medium text-teal-800 underline' },
  below: { paragraph: 'mt-6', link: 'font-medium text-teal-800 underline' },
} as const;

/** The link back to the page a sub-page belongs to: above its header, or below its content. */
export function BackLink({
  href,
  placement,
  children,
}: {
  href: string;
  placement: keyof typeof PLACEMENT;
  children: ReactNode;
}) {
  return (
    <p className={PLACEMENT[placement].paragraph}>
      <Link href={href} className={PLACEMENT[placement].link}>
        {children}
      </Link>
    </p>
  );
}
