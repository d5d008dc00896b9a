import type { Metadata } from 'next';
import Link from 'next/link';
import { NotificationPreferencesForm } from '@/components/inbox/notification-preferences-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireViewer } from '@/lib/auth/session';
import { getNotificationPreferences } from '@/lib/data/notifications';
import { kindsFor } from '@/lib/schemas/notifications';

export const metadata: Metadata = { title: 'Notification settings' };

export default async function NotificationSettingsPage() {
  // Not while a required second factor is still to be set up (requireViewer sends them there).
  const viewer = await requireViewer();
  const preferences = await getNotificationPreferences(viewer);
  return (
    <>
      <PageHeader title="Notification settings">
        <p>
          Choose how you hear about new items in your{' '}
          <Link href="/inbox" className="text-teal-900 underline">
            inbox
          </Link>
          .
        </p>
      </PageHeader>
      <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <NotificationPreferencesForm
          initial={preferences}
          kinds={kindsFor(viewer.role)}
          forPatient={viewer.role === 'PATIENT'}
          timeZones={Intl.supportedValuesOf('timeZone')}
        />
      </div>
    </>
  );
}
