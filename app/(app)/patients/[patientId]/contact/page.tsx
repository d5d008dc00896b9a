import type { Metadata } from 'next';
import { ContactForm } from '@/components/contact/contact-form';
import { openChart, type ChartPageProps } from '@/components/pages/chart-page';
import { Card } from '@/components/ui/card';
import { LocalDateTime } from '@/components/ui/local-date-time';
import { getContact } from '@/lib/data/contact';
import { orNotFound } from '@/lib/page-errors';

export const metadata: Metadata = { title: 'Contact details' };

/** The chart's Contact tab: the patient's phone and emergency contact, for the team to keep current. */
export default async function ChartContactPage({ params }: Pick<ChartPageProps, 'params'>) {
  const { viewer, patientId } = await openChart(params);
  const contact = await orNotFound(getContact(viewer, patientId));
  return (
    <Card
      title="Contact details"
      titleId="contact-heading"
      description={
        contact.updatedBy && contact.updatedAt ? (
          <>
            Last changed by {contact.updatedBy.name}, <LocalDateTime iso={contact.updatedAt} />.
          </>
        ) : (
          'Nobody has written them yet. The patient can also edit them from My care.'
        )
      }
    >
      <ContactForm patientId={patientId} initial={contact} audience="staff" />
    </Card>
  );
}
