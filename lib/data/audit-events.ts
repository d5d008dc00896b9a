import 'server-only';
import type { z } from 'zod';
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import { PSYCHOTHERAPY_NOTE_RESOURCE } from '@/lib/audit-vocabulary';
import { withOrganizationAccess } from '@/lib/data/organization-access';
import { keysetPage } from '@/lib/data/recipes';
import {
  AuditEventQuery,
  type AuditEventPage,
  type AuditEventRow,
} from '@/lib/schemas/audit-events';
import { parseInput } from '@/lib/errors';

export type { AuditEventPage, AuditEventRow } from '@/lib/schemas/audit-events';

type EventRow = Prisma.AuditEventGetPayload<object>;

/** The names of the actors and patients a page of events mentions, within the organization. */
async function namesOf(tx: Tx, organizationId: string, rows: EventRow[], patientId?: string) {
  const actorIds = new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])));
  const patientIds = new Set(rows.flatMap((r) => (r.patientId ? [r.patientId] : [])));
  if (patientId) patientIds.add(patientId);
  const actors =
    actorIds.size === 0
      ? []
      : await tx.user.findMany({
          where: { id: { in: [...actorIds] }, organizationId },
          select: { id: true, name: true },
        });
  const patients =
    patientIds.size === 0
      ? []
      : await tx.patient.findMany({
          where: { id: { in: [...patientIds] }, organizationId },
          select: { id: true, account: { select: { name: true } } },
        });
  return {
    actors: new Map(actors.map((a) => [a.id, a.name])),
    patients: new Map(patients.map((p) => [p.id, p.account.name])),
  };
}

function toEvent(r: EventRow, names: Awaited<ReturnType<typeof namesOf>>): AuditEventRow {
  return {
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
    patientIds: r.patientIds,
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
    actorName: r.actorId ? (names.actors.get(r.actorId) ?? null) : null,
    patientName: r.patientId ? (names.patients.get(r.patientId) ?? null) : null,
  };
}

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
  const access = {
    permission: 'auditEvent.read',
    action: 'list',
    resourceType: 'auditEvent',
  } as const;
  return withOrganizationAccess(viewer, access, async (tx, record) => {
    // SECURITY: tenant isolation, and psychotherapy notes kept out of every shared view.
    const ours: Prisma.AuditEventWhereInput = {
      organizationId: viewer.organizationId,
      resourceType: { not: PSYCHOTHERAPY_NOTE_RESOURCE },
    };
    const filters: Prisma.AuditEventWhereInput[] = [ours];
    // One patient's events: about them alone, or a list view that showed them.
    if (patientId) filters.push({ OR: [{ patientId }, { patientIds: { has: patientId } }] });
    if (actorId) filters.push({ actorId });
    if (from) filters.push({ occurredAt: { gte: new Date(from) } });
    if (to) filters.push({ occurredAt: { lt: new Date(to) } });
    const page = await keysetPage({
      cursor,
      limit,
      findKey: async (id) =>
        (await tx.auditEvent.findFirst({ where: { AND: [ours, { id }] }, select: { seq: true } }))
          ?.seq ?? null,
      fetch: (after, take) =>
        tx.auditEvent.findMany({
          where: { AND: [...filters, ...(after === undefined ? [] : [{ seq: { lt: after } }])] },
          orderBy: { seq: 'desc' },
          take,
        }),
      cursorOf: (row) => row.id,
    });
    const names = await namesOf(tx, viewer.organizationId, page.items, patientId);
    // A search of one patient's events is an access to that patient's record: it shows in their
    // access log. An id from outside the organization is not recorded as a patient of it.
    record.patientId = patientId && names.patients.has(patientId) ? patientId : null;
    record.detail = describeFilters({ patientId, actorId, from, to, cursor });
    return {
      items: page.items.map((r) => toEvent(r, names)),
      nextCursor: page.nextCursor,
    };
  });
}

function describeFilters(filters: Record<string, string | undefined>): string {
  const used = Object.entries(filters).flatMap(([key, value]) =>
    value ? [`${key}=${value}`] : [],
  );
  return used.length ? `filters: ${used.join(', ')}` : 'no filters';
}
