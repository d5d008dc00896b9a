import type { Metadata } from 'next';
import { ContactForm } from '@/components/contact/contact-form';
import { BackLink } from '@/components/layout/back-link';
import { openOwnRecord } from '@/components/pages/own-record';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getContact } from '@/lib/data/contact';

export const metadata: Metadata = { title: 'How to reach you' };

export default async function MyContactPage() {
  const { viewer, patientId } = await openOwnRecord();
  const contact = await getContact(viewer, patientId);
  return (
    <>
      <PageHeader title="How to reach you">
        <p>
          Your care team uses these details to get in touch with you, and to reach someone you trust
          if they are ever worried about your safety. Only your care team and your clinic’s front
          desk can see them.
        </p>
      </PageHeader>
      <Card title="Your contact details" titleId="contact-heading">
        <ContactForm patientId={patientId} initial={contact} audience="patient" />
      </Card>
      <BackLink href="/my-care" placement="below">
        Back to My care
      </BackLink>
    </>
  );
}
