// The SMTP side of email (docs/decisions/023-jobs-and-email.md): a nodemailer transport from
// SMTP_URL, and the message an outbox row becomes. The row's words come from lib/mail/templates.ts
// alone (no PHI); this file adds only the envelope.
import nodemailer, { type Transporter } from 'nodemailer';

/** What the sender needs of a transport: nodemailer's, or any that sends the same message. */
export type MailTransport = Pick<Transporter, 'sendMail'>;

export type OutgoingEmail = {
  id: string;
  toAddress: string;
  subject: string;
  text: string;
  html: string;
};

/**
 * A transport for `smtpUrl` (smtp://user:pass@host:587, smtps://… for TLS), or null when unset:
 * then nothing is sent and emails wait in the outbox. Timeouts bound one delivery, so a claimed
 * row is settled well within its lease (lib/data/email/send.ts).
 */
export function smtpTransport(smtpUrl: string | undefined): Transporter | null {
  if (!smtpUrl) return null;
  return nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

/** The domain of a From address (`Triad <triad@clinic.org>` → `clinic.org`). */
function domainOf(from: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(from);
  return match?.[1] ?? 'localhost';
}

/**
 * A Message-ID derived from the outbox row alone: every delivery attempt of one row carries the
 * same id, so a resend after a crash is recognisable (and dropped by receivers that deduplicate).
 */
export function messageIdFor(rowId: string, from: string): string {
  return `<outbox.${rowId}@${domainOf(from)}>`;
}

/** Sends one outbox row: plain text and HTML, from `from`, with the row's stable Message-ID. */
export async function deliver(
  transport: MailTransport,
  from: string,
  email: OutgoingEmail,
): Promise<void> {
  await transport.sendMail({
    from,
    to: email.toAddress,
    subject: email.subject,
    text: email.text,
    html: email.html,
    messageId: messageIdFor(email.id, from),
    headers: { 'X-Triad-Outbox-Id': email.id },
  });
}
