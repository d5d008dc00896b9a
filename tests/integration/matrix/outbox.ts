// Matrix rows of the email outbox: admins only.
import { db } from '@/lib/db';
import { emailFor } from '@/lib/mail/templates';
import { accountId, adminOnly, type Row, type World } from '@/tests/support/matrix';

/** A fresh dead email of the world's organization, to the prescriber on the team. */
export async function deadEmail(w: World) {
  const recipientId = accountId(w.users.prescriberOnTeam);
  const recipient = await db.user.findUniqueOrThrow({ where: { id: recipientId } });
  return db.emailOutbox.create({
    data: {
      organizationId: recipient.organizationId,
      recipientId,
      toAddress: recipient.email,
      purpose: 'NOTIFICATION',
      dedupeKey: `matrix:${crypto.randomUUID()}`,
      attempts: 5,
      lastError: '451 Try again later',
      deadAt: new Date(),
      ...emailFor('NOTIFICATION', 'http://localhost:3000', '/inbox'),
    },
  });
}

export const outboxRows: Row[] = [
  { method: 'GET', path: '/api/v1/admin/outbox', expect: adminOnly(200) },
  {
    method: 'POST',
    path: '/api/v1/admin/outbox/{emailId}/retry',
    call: async (w) => ({ params: { emailId: (await deadEmail(w)).id } }),
    expect: adminOnly(200),
  },
];
