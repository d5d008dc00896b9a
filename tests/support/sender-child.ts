// A sender in a process of its own, for the test that kills it mid-delivery
// (tests/integration/email-sending.test.ts): it delivers ORGANIZATION_ID's due emails to SMTP_URL
// and is SIGKILLed by the test while the SMTP server holds a message unanswered.
//
//   node --import tsx --conditions=react-server tests/support/sender-child.ts
import { sendDueEmails } from '@/lib/mail/sender';
import { smtpTransport } from '@/lib/mail/transport';

const transport = smtpTransport(process.env.SMTP_URL);
if (!transport) throw new Error('SMTP_URL is required');
await sendDueEmails({
  transport,
  from: 'Triad <triad@clinic.test>',
  clock: () => new Date(),
  organizationId: process.env.ORGANIZATION_ID,
});
process.exit(0);
