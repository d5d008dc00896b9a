'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type MouseEvent, type ReactNode } from 'react';
import { apiFetch } from '@/lib/api-client';
import { refresh, refreshAfter } from '@/lib/query-keys';

/** Only a path of this app (`/…`, never `//host`): an item's link is never followed elsewhere. */
export function appPath(link: string): string {
  return link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\')
    ? link
    : '/inbox';
}

/**
 * Opens an inbox item: marks it read first when it may be (an urgent item whose flag is still open
 * stays unread), then goes to its link. A link opened in a new tab is marked read on the way.
 * Failing to mark it read never stops the reader from getting where the item points.
 */
export function OpenItemLink({
  id,
  href,
  markRead,
  className,
  children,
}: {
  id: string;
  href: string;
  markRead: boolean;
  className?: string;
  children: ReactNode;
}) {
  const router = useRouter();
  const client = useQueryClient();
  const [opening, setOpening] = useState(false);
  const target = appPath(href);

  const mark = async () => {
    if (!markRead) return;
    try {
      await apiFetch(`/api/v1/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
      await refresh(client, refreshAfter.notificationRead());
    } catch {
      // The item stays unread; opening it matters more.
    }
  };

  const onClick = async (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) {
      void mark();
      return;
    }
    event.preventDefault();
    setOpening(true);
    await mark();
    router.push(target);
  };

  return (
    <a href={target} onClick={onClick} aria-busy={opening || undefined} className={className}>
      {children}
    </a>
  );
}
