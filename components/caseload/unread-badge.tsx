import Link from 'next/link';
import { Badge } from '@/components/ui/badge';

/** "3 new": the reader's unread inbox items about this patient, linking to the inbox. */
export function UnreadBadge({ count, name }: { count: number; name: string }) {
  if (count === 0) return null;
  return (
    <Link
      href="/inbox?show=unread"
      className="ml-2 inline-block rounded-full align-middle"
      aria-label={`${count} new inbox ${count === 1 ? 'item' : 'items'} about ${name}`}
    >
      <Badge tone="teal">{count} new</Badge>
    </Link>
  );
}
