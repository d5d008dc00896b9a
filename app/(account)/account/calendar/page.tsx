import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CalendarFeedPanel } from '@/components/account/calendar-feed-panel';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/policy';
import { requireViewer } from '@/lib/auth/session';
import { calendarFeedStatus } from '@/lib/data/appointments';

export const metadata: Metadata = { title: 'Calendar feed' };

export default async function CalendarFeedPage() {
  // Not while a required second factor is still to be set up (requireViewer sends them there).
  const viewer = await requireViewer();
  if (!can(viewer, 'calendarFeed.manage')) notFound();
  const status = await calendarFeedStatus(viewer);
  return (
    <>
      <PageHeader title="Calendar feed">
        <p>
          A private link that shows your Triad visits in your own calendar app (Google Calendar,
          Outlook, Apple Calendar). It carries only the times, each patient’s initials and the kind
          of visit: no names, no places, no notes.
        </p>
      </PageHeader>
      <Card title="Your calendar link" titleId="calendar-link-heading">
        <CalendarFeedPanel initial={status} />
      </Card>
    </>
  );
}
