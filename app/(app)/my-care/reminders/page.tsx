import type { Metadata } from 'next';
import { BackLink } from '@/components/layout/back-link';
import { openOwnRecord } from '@/components/pages/own-record';
import { ReminderSettingsForm } from '@/components/reminders/reminder-settings-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getReminderSettings } from '@/lib/data/reminders';

export const metadata: Metadata = { title: 'Reminders' };

export default async function MyRemindersPage() {
  const { viewer, patientId } = await openOwnRecord();
  const settings = await getReminderSettings(viewer, patientId);
  return (
    <>
      <PageHeader title="Reminders">
        <p>
          We can email you a reminder to check in, to fill in a questionnaire, or to read your
          updated plan. The email only says there is something for you in Triad, never anything
          about your health. Turn off any you do not want.
        </p>
      </PageHeader>
      <Card title="Your reminders" titleId="reminders-heading">
        <ReminderSettingsForm patientId={patientId} initial={settings} />
      </Card>
      <BackLink href="/my-care" placement="below">
        Back to My care
      </BackLink>
    </>
  );
}
