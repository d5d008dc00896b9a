import type { Metadata } from 'next';
import Link from 'next/link';
import { InboxFilter, InboxItems } from '@/components/inbox/inbox-list';
import { MarkAllRead } from '@/components/inbox/mark-all-read';
import { PageHeader } from '@/components/ui/page-header';
import { requireViewer } from '@/lib/auth/session';
import { listNotifications } from '@/lib/data/notifications';
import { InvalidInputError } from '@/lib/errors';
import { NotificationCursor, type NotificationPage } from '@/lib/schemas/notifications';

export const metadata: Metadata = { title: 'Inbox' };

function one(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The page of the inbox asked for; the first page when the cursor is not one we gave out. */
async function pageOf(
  viewer: Awaited<ReturnType<typeof requireViewer>>,
  unread: boolean,
  cursor: string | undefined,
): Promise<NotificationPage & { restarted: boolean }> {
  const valid = cursor && NotificationCursor.safeParse(cursor).success ? cursor : undefined;
  try {
    return { ...(await listNotifications(viewer, { unread, cursor: valid })), restarted: false };
  } catch (error) {
    if (!(error instanceof InvalidInputError) || !valid) throw error;
    return { ...(await listNotifications(viewer, { unread })), restarted: true };
  }
}

export default async function InboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const unread = one(params.show) === 'unread';
  const cursor = one(params.cursor);
  const page = await pageOf(viewer, unread, cursor);
  const isPatient = viewer.role === 'PATIENT';
  const base = unread ? '/inbox?show=unread' : '/inbox';
  const older = page.nextCursor
    ? `${base}${unread ? '&' : '?'}cursor=${encodeURIComponent(page.nextCursor)}`
    : null;

  return (
    <>
      <PageHeader title="Inbox">
        <p>
          {isPatient
            ? 'News about your care: a change to your medications, a new version of your plan, a session note you can read.'
            : 'What happened with your patients that needs you: safety flags first, then everything else, newest first.'}{' '}
          <Link href="/account/notifications" className="text-teal-900 underline">
            Notification settings
          </Link>
        </p>
      </PageHeader>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <InboxFilter unread={unread} />
        <MarkAllRead careTeam={!isPatient} />
      </div>
      {page.restarted ? (
        <p role="status" className="mb-4 text-sm text-slate-700">
          That page of your inbox is no longer there; here are the newest items.
        </p>
      ) : null}
      <InboxItems items={page.items} unread={unread} showPatient={!isPatient} />
      <div className="mt-6 flex flex-wrap gap-3">
        {cursor ? (
          <Link href={base} className="text-sm font-medium text-teal-900 underline">
            Back to the newest
          </Link>
        ) : null}
        {older ? (
          <Link href={older} className="text-sm font-medium text-teal-900 underline">
            Older items
          </Link>
        ) : null}
      </div>
    </>
  );
}
