import 'server-only';
import type { z } from 'zod';
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import {
  accessInWords,
  HIDDEN_FROM_PATIENT_ACTIONS,
  PSYCHOTHERAPY_NOTE_RESOURCE,
} from '@/lib/audit-vocabulary';
import { withPatientAccess, type PatientAccess } from '@/lib/data/patient-access';
import type { ScopedPatient } from '@/lib/data/scope';
import { keysetPage } from '@/lib/data/recipes';
import { AccessLogQuery, type AccessLogEntry, type AccessLogPage } from '@/lib/schemas/access-log';
import { parseInput } from '@/lib/errors';

export type { AccessLogEntry, AccessLogPage } from '@/lib/schemas/access-log';

const READ_LOG = {
  permission: 'accessLog.read',
  action: 'read',
  resourceType: 'accessLog',
} as const satisfies PatientAccess;

const eventSelect = {
  id: true,
  occurredAt: true,
  actorId: true,
  actorRole: true,
  action: true,
  resourceType: true,
  outcome: true,
} as const satisfies Prisma.AuditEventSelect;

type EventRow = Prisma.AuditEventGetPayload<{ select: typeof eventSelect }>;

/** Each event of a page in the patient's words: who (by name, or "You"), and what, from lib/audit-vocabulary.ts. */
async function wordsFor(
  tx: Tx,
  patient: ScopedPatient,
  rows: EventRow[],
): Promise<(row: EventRow) => AccessLogEntry> {
  const actorIds = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  // One statement: the actors' names and the patient's own account ("You").
  const people = await tx.user.findMany({
    where: {
      organizationId: patient.organizationId,
      OR: [{ id: { in: actorIds } }, { patient: { is: { id: patient.id } } }],
    },
    select: { id: true, name: true, patient: { select: { id: true } } },
  });
  const own = people.find((p) => p.patient?.id === patient.id);
  const actors = people.filter((p) => actorIds.includes(p.id));
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return (r) => ({
    id: r.id,
    occurredAt: r.occurredAt.toISOString(),
    ...accessInWords({
      action: r.action,
      resourceType: r.resourceType,
      outcome: r.outcome,
      actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
      actorRole: r.actorRole,
      isSelf: r.actorId !== null && r.actorId === own?.id,
    }),
  });
}

/**
 * The patient themself and their organization's admins ("who viewed my record"): every audited
 * access to this patient's record, newest first, a page at a time, in plain words only. Clinicians
 * in scope get ForbiddenError, anyone out of scope NotFoundError. Reading the log is itself audited.
 */
export async function listAccessLog(
  viewer: Viewer,
  patientId: string,
  query: z.input<typeof AccessLogQuery> = {},
): Promise<AccessLogPage> {
  const { cursor, limit, person } = parseInput(AccessLogQuery, query);
  return withPatientAccess(viewer, patientId, READ_LOG, async (tx, patient) => {
    const mine: Prisma.AuditEventWhereInput = {
      organizationId: patient.organizationId,
      // About this patient alone, or a list view that showed them among others.
      OR: [{ patientId: patient.id }, { patientIds: { has: patient.id } }],
      resourceType: { not: PSYCHOTHERAPY_NOTE_RESOURCE },
      // SECURITY: nothing here may tell the patient that a note was withheld from them.
      action: { notIn: [...HIDDEN_FROM_PATIENT_ACTIONS] },
      // A background read that repeats a foreground access the log already shows (a poll of an
      // open page) adds nothing for the patient; every other background event stays in.
      repeatOfId: null,
      ...(person ? { actorId: person } : {}),
    };
    // Newest first along the (patientId, occurredAt) index; seq breaks ties in chain order.
    const page = await keysetPage({
      cursor,
      limit,
      findKey: (id) =>
        tx.auditEvent.findFirst({
          where: { AND: [mine, { id }] },
          select: { seq: true, occurredAt: true },
        }),
      fetch: (after, take) =>
        tx.auditEvent.findMany({
          where: {
            AND: [
              mine,
              ...(after
                ? [
                    {
                      OR: [
                        { occurredAt: { lt: after.occurredAt } },
                        { occurredAt: after.occurredAt, seq: { lt: after.seq } },
                      ],
                    },
                  ]
                : []),
            ],
          },
          orderBy: [{ occurredAt: 'desc' }, { seq: 'desc' }],
          take,
          select: eventSelect,
        }),
      cursorOf: (row) => row.id,
    });
    const words = await wordsFor(tx, patient, page.items);
    return { items: page.items.map(words), nextCursor: page.nextCursor };
  });
}
