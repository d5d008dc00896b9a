import type { Metadata } from 'next';
import Link from 'next/link';
import { OutboxList } from '@/components/admin/outbox-list';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { listOutbox } from '@/lib/data/email/admin';
import { InvalidInputError } from '@/lib/errors';
import { OUTBOX_STATUSES, OutboxListQuery } from '@/lib/schemas/outbox';

export const metadata: Metadata = { title: 'Outbox' };

const PAGE_SIZE = 25;
const FILTERS = [
  { status: undefined, label: 'All' },
  { status: 'waiting', label: 'Waiting' },
  { status: 'sent', label: 'Sent' },
  { status: 'dead', label: 'Failed' },
] as const;

type SearchParams = Record<string, string | string[] | undefined>;
type Status = (typeof OUTBOX_STATUSES)[number];

function first(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

function hrefFor(status: Status | undefined, cursor?: string): string {
  const search = new URLSearchParams();
  if (status) search.set('status', status);
  if (cursor) search.set('cursor', cursor);
  const text = search.toString();
  return text ? `/admin/outbox?${text}` : '/admin/outbox';
}

/** Admins: every email Triad sent or will send for the organization, newest first. */
export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requireRole('ADMIN');
  const params = await searchParams;
  const parsed = OutboxListQuery.safeParse({
    status: first(params.status),
    cursor: first(params.cursor),
    limit: PAGE_SIZE,
  });
  const query = parsed.success ? parsed.data : { limit: PAGE_SIZE };
  const status = parsed.success ? parsed.data.status : undefined;
  const page = await listOutbox(viewer, query).catch((error: unknown) => {
    if (error instanceof InvalidInputError) return null; // a cursor no longer in this list
    throw error;
  });
  return (
    <>
      <PageHeader title="Outbox">
        <p>
          The emails Triad sends: they only say that something new is waiting in Triad, never what
          it is. When no mail server is set up (SMTP_URL), emails wait here. A failed email is tried
          five times, then listed as failed for you to retry.
        </p>
      </PageHeader>
      <Card title="Emails" titleId="emails-heading" description="Newest first.">
        <nav aria-label="Show emails" className="mb-2 flex flex-wrap gap-2">
          {FILTERS.map((filter) => (
            <Link
              key={filter.label}
              href={hrefFor(filter.status)}
              aria-current={filter.status === status ? 'page' : undefined}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 aria-[current=page]:border-teal-700 aria-[current=page]:bg-teal-50 aria-[current=page]:text-teal-900"
            >
              {filter.label}
            </Link>
          ))}
        </nav>
        {!page ? (
          <EmptyState title="This page of emails is no longer available">
            <Link href={hrefFor(status)} className="font-medium text-teal-800 underline">
              Show the newest emails
            </Link>
          </EmptyState>
        ) : page.items.length === 0 ? (
          <EmptyState title="No emails here">
            Emails appear here as Triad queues them: inbox items, reminders and safety escalations.
          </EmptyState>
        ) : (
          <>
            <OutboxList emails={page.items} />
            <nav
              aria-label="More emails"
              className="mt-4 flex gap-4 border-t border-slate-200 pt-4"
            >
              {query.cursor ? (
                <Link
                  href={hrefFor(status)}
                  className="text-sm font-medium text-teal-800 underline"
                >
                  Newest emails
                </Link>
              ) : null}
              {page.nextCursor ? (
                <Link
                  href={hrefFor(status, page.nextCursor)}
                  className="text-sm font-medium text-teal-800 underline"
                >
                  Older emails
                </Link>
              ) : null}
            </nav>
          </>
        )}
      </Card>
    </>
  );
}
