// The sender (docs/decisions/023-jobs-and-email.md): delivers the outbox's due rows one at a time,
// each claimed, sent, then settled (lib/data/email/send.ts). Run by the `send-email` job; tests
// call it with a moved clock and a transport to a real SMTP server on loopback.
import { claimNextEmail, markFailed, markSent } from '@/lib/data/email/send';
import type { Clock } from '@/lib/clock';
import { deliver, type MailTransport } from '@/lib/mail/transport';

export type SendOptions = {
  transport: MailTransport;
  from: string;
  clock: Clock;
  /** At most this many rows per run; the next run takes the rest. */
  limit?: number;
  /** Only this organization's rows (tests share one database). */
  organizationId?: string;
};

export type SendResult = { sent: number; failed: number; dead: number };

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { responseCode?: number }).responseCode;
    const response = (error as { response?: string }).response;
    return response ? `${code ?? ''} ${response}`.trim() : error.message;
  }
  return String(error);
}

/** Delivers due rows until none is left (or `limit`); returns what happened. */
export async function sendDueEmails(options: SendOptions): Promise<SendResult> {
  const result: SendResult = { sent: 0, failed: 0, dead: 0 };
  const limit = options.limit ?? 100;
  for (let i = 0; i < limit; i++) {
    const email = await claimNextEmail(options.clock(), options.organizationId);
    if (!email) break;
    try {
      await deliver(options.transport, options.from, email);
    } catch (error) {
      const { dead } = await markFailed(email, options.clock(), describe(error));
      result.failed++;
      if (dead) result.dead++;
      continue;
    }
    await markSent(email.id, options.clock());
    result.sent++;
  }
  return result;
}
