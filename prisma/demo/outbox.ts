// The demo's email history (docs/decisions/023-jobs-and-email.md), for /admin/outbox: an email the
// clinic's mail server took yesterday, and one it gave up on (the address bounced), which the admin
// can retry. Worded by lib/mail/templates.ts like every email; idempotent by dedupe key.
import type { PrismaClient } from '@/prisma/generated/client';
import { emailFor } from '@/lib/mail/templates';
import type { DemoStaff } from './context';

const ORIGIN = process.env.NEXTAUTH_URL ?? 'http://localhost:3000';

/** Adds the demo's two past emails unless there; returns whether it wrote any. */
export async function seedDemoOutbox(
  db: PrismaClient,
  staff: DemoStaff,
  now: Date,
): Promise<boolean> {
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3600_000);
  const row = (user: DemoStaff[keyof DemoStaff], key: string) => ({
    organizationId: user.organizationId,
    recipientId: user.id,
    toAddress: user.email,
    dedupeKey: `demo:${key}`,
  });
  const { count } = await db.emailOutbox.createMany({
    data: [
      {
        ...row(staff.rivera, 'outbox-sent'),
        purpose: 'NOTIFICATION',
        ...emailFor('NOTIFICATION', ORIGIN, '/inbox'),
        createdAt: hoursAgo(20),
        notBefore: hoursAgo(20),
        sentAt: hoursAgo(20),
        attempts: 0,
      },
      {
        ...row(staff.chen, 'outbox-bounced'),
        purpose: 'DIGEST',
        ...emailFor('DIGEST', ORIGIN, '/inbox', 3),
        createdAt: hoursAgo(26),
        notBefore: hoursAgo(25),
        attempts: 5,
        lastError: '452 4.2.2 Mailbox full, try again later',
        deadAt: hoursAgo(25),
      },
    ],
    skipDuplicates: true,
  });
  return count > 0;
}
