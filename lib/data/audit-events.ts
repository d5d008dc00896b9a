import 'server-only';
import type { z } from 'zod';
import type { Prisma } from '@/prisma/generated/client';
import { db } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import { PSYCHOTHERAPY_NOTE_RESOURCE } from '@/lib/audit-vocabulary';
import { authorize, recordAccess } from '@/lib/data/audit';
import { AuditEventQuery, type AuditEventPage } from '@/lib/schemas/audit-events';
import { invalidCursor, parseInput } from '@/lib/errors';

export type { AuditEventPage, AuditEventRow } from '@/lib/schemas/audit-events';

/**
 * Admins: their organization's audit events, newest first (by chain position), filtered by
 * patient, actor and time (`from` inclusive, `to` exclusive), a page at a time. Psychotherapy-note
 * events never appear. Other roles get ForbiddenError. Reading the audit trail is itself audited.
 */
export async function listAuditEvents(
  viewer: Viewer,
  query: z.input<typeof AuditEventQuery> = {},
): Promise<AuditEventPage> {
  const { patientId, actorId, from, to, cursor, limit } = parseInput(AuditEventQuery, query);
  await authorize(viewer, 'auditEvent.read', { action: 'list', resourceType: 'auditEvent' });

  return db.$transaction(async (tx) => {
    // SECURITY: tenant isolation, and psychotherapy notes kept out of every shared view.
    const ours: Prisma.AuditEventWhereInput = {
      organizationId: viewer.organizationId,
      resourceType: { not: PSYCHOTHERAPY_NOTE_RESOURCE },
    };
    const filters: Prisma.AuditEventWhereInput[] = [ours];
    if (patientId) filters.push({ patientId });
    if (actorId) filters.push({ actorId });
    if (from) filters.push({ occurredAt: { gte: new Date(from) } });
    if (to) filters.push({ occurredAt: { lt: new Date(to) } });
    if (cursor) {
      const after = await tx.auditEvent.findFirst({
        where: { AND: [ours, { id: cursor }] },
        select: { seq: true },
      });
      if (!after) throw invalidCursor();
      filters.push({ seq: { lt: after.seq } });
    }
    const rows = await tx.auditEvent.findMany({
      where: { AND: filters },
      orderBy: { seq: 'desc' },
      take: limit + 1,
    });
    const page = rows.slice(0, limit);

    const actorIds = new Set(page.flatMap((r) => (r.actorId ? [r.actorId] : [])));
    const patientIds = new Set(page.flatMap((r) => (r.patientId ? [r.patientId] : [])));
    if (patientId) patientIds.add(patientId);
    const actors =
      actorIds.size === 0
        ? []
        : await tx.user.findMany({
            where: { id: { in: [...actorIds] }, organizationId: viewer.organizationId },
            select: { id: true, name: true },
          });
    const patients =
      patientIds.size === 0
        ? []
        : await tx.patient.findMany({
            where: { id: { in: [...patientIds] }, organizationId: viewer.organizationId },
            select: { id: true, account: { select: { name: true } } },
          });
    const actorNames = new Map(actors.map((a) => [a.id, a.name]));
    const patientNames = new Map(patients.map((p) => [p.id, p.account.name]));

    // A search of one patient's events is an access to that patient's record: it shows in their
    // access log. An id from outside the organization is not recorded as a patient of it.
    await recordAccess(tx, viewer, 'list', 'auditEvent', {
      patientId: patientId && patientNames.has(patientId) ? patientId : null,
      detail: describeFilters({ patientId, actorId, from, to, cursor }),
    });

    return {
      items: page.map((r) => ({
        id: r.id,
        seq: r.seq.toString(),
        organizationId: r.organizationId,
        actorId: r.actorId,
        actorRole: r.actorRole,
        actorEmail: r.actorEmail,
        action: r.action,
        resourceType: r.resourceType,
        resourceId: r.resourceId,
        patientId: r.patientId,
        outcome: r.outcome,
        ip: r.ip,
        userAgent: r.userAgent,
        requestId: r.requestId,
        clientRequestId: r.clientRequestId,
        detail: r.detail,
        background: r.background,
        repeatOfId: r.repeatOfId,
        occurredAt: r.occurredAt.toISOString(),
        prevHash: r.prevHash,
        hash: r.hash,
        actorName: r.actorId ? (actorNames.get(r.actorId) ?? null) : null,
        patientName: r.patientId ? (patientNames.get(r.patientId) ?? null) : null,
      })),
      nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
    };
  });
}

function describeFilters(filters: Record<string, string | undefined>): string {
  const used = Object.entries(filters).flatMap(([key, value]) =>
    value ? [`${key}=${value}`] : [],
  );
  return used.length ? `filters: ${used.join(', ')}` : 'no filters';
}
