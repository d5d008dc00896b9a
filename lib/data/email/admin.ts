import 'server-only';
// The outbox as admins see it (/admin/outbox): the organization's emails newest first, and a retry
// of a dead one. The emails hold no PHI (lib/mail/templates.ts), so listing them names no patient.
import type { z } from 'zod';
import type { Prisma } from '@/prisma/generated/client';
import type { Viewer } from '@/lib/auth/viewer';
import { withOrganizationAccess } from '@/lib/data/organization-access';
import { newestFirstPage } from '@/lib/data/recipes';
import { ConflictError, NotFoundError, parseInput } from '@/lib/errors';
import { Id } from '@/lib/schemas/common';
import { OutboxListQuery, type OutboxEmail, type OutboxList } from '@/lib/schemas/outbox';

const select = {
  id: true,
  toAddress: true,
  recipient: { select: { name: true } },
  purpose: true,
  subject: true,
  text: true,
  createdAt: true,
  notBefore: true,
  sentAt: true,
  attempts: true,
  lastError: true,
  deadAt: true,
} as const satisfies Prisma.EmailOutboxSelect;

type Row = Prisma.EmailOutboxGetPayload<{ select: typeof select }>;

function toOutboxEmail(row: Row): OutboxEmail {
  return {
    id: row.id,
    toAddress: row.toAddress,
    recipientName: row.recipient.name,
    purpose: row.purpose,
    subject: row.subject,
    text: row.text,
    status: row.sentAt ? 'sent' : row.deadAt ? 'dead' : 'waiting',
    createdAt: row.createdAt.toISOString(),
    notBefore: row.notBefore.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    attempts: row.attempts,
    lastError: row.lastError,
    deadAt: row.deadAt?.toISOString() ?? null,
  };
}

const STATUS_WHERE: Record<OutboxListQuery['status'] & string, Prisma.EmailOutboxWhereInput> = {
  waiting: { sentAt: null, deadAt: null },
  sent: { sentAt: { not: null } },
  dead: { sentAt: null, deadAt: { not: null } },
};

/** Admins: the organization's emails, newest first, a page at a time. Audited. */
export async function listOutbox(
  viewer: Viewer,
  query: z.input<typeof OutboxListQuery> = {},
): Promise<OutboxList> {
  const { status, cursor, limit } = parseInput(OutboxListQuery, query);
  const access = {
    permission: 'outbox.read',
    action: 'read',
    resourceType: 'emailOutbox',
  } as const;
  return withOrganizationAccess(viewer, access, async (tx, record) => {
    // SECURITY: tenant isolation: the admin's own organization only, the cursor included.
    const where: Prisma.EmailOutboxWhereInput = {
      organizationId: viewer.organizationId,
      ...(status ? STATUS_WHERE[status] : {}),
    };
    const page = await newestFirstPage(
      tx.emailOutbox,
      { where, field: 'createdAt', select, cursor, limit },
      toOutboxEmail,
    );
    record.detail = `${page.items.length} emails${status ? ` (${status})` : ''}`;
    return page;
  });
}

/**
 * Admins: sends a dead email again, from the start of its attempts (the last error kept until the
 * next try). Another organization's email, or none, 404; one that is not dead, 409. Audited.
 */
export async function retryEmail(viewer: Viewer, emailId: string): Promise<OutboxEmail> {
  const valid = Id.safeParse(emailId).success;
  const access = {
    permission: 'outbox.read',
    action: 'retry',
    resourceType: 'emailOutbox',
    resourceId: valid ? emailId : undefined,
  } as const;
  return withOrganizationAccess(viewer, access, async (tx) => {
    if (!valid) throw new NotFoundError('email');
    // SECURITY: tenant isolation in the where: another organization's email is not found.
    const email = await tx.emailOutbox.findFirst({
      where: { id: emailId, organizationId: viewer.organizationId },
      select: { sentAt: true, deadAt: true },
    });
    if (!email) throw new NotFoundError('email');
    if (email.sentAt || !email.deadAt) {
      throw new ConflictError('Only an email the sender gave up on can be retried.');
    }
    const row = await tx.emailOutbox.update({
      where: { id: emailId },
      data: { deadAt: null, attempts: 0, notBefore: new Date() },
      select,
    });
    return toOutboxEmail(row);
  });
}
