import 'server-only';
import type { z } from 'zod';
import type { Prisma } from '@/prisma/generated/client';
import type { Role, Viewer } from '@/lib/auth/viewer';
import { withPatientAccess } from '@/lib/data/patient-access';
import { AccessLogQuery, type AccessLogEntry, type AccessLogPage } from '@/lib/schemas/access-log';
import { invalidCursor } from '@/lib/schemas/common';

export type { AccessLogEntry, AccessLogPage } from '@/lib/schemas/access-log';

/**
 * SECURITY: psychotherapy notes (HIPAA 45 CFR 164.501) never appear in any list, log or count
 * seen by anyone but their author (PRODUCT.md); their audit events are left out of every view.
 */
export const PSYCHOTHERAPY_NOTE_RESOURCE = 'psychotherapyNote';

type Outcome = AccessLogEntry['outcome'];

// What each audited resource is, said to the patient whose record it is.
const NOUNS: Record<string, string> = {
  patient: 'your profile and care team',
  careTeam: 'your care team',
  user: 'your account',
  accessLog: 'the list of who viewed your record',
  auditEvent: 'the audit trail of your record',
  treatmentPlan: 'your treatment plan',
  treatmentPlanVersion: 'earlier versions of your treatment plan',
  medication: 'your medications',
  medicationChange: 'your medication history',
  sessionNote: 'your session notes',
  checkIn: 'your check-ins',
  assessment: 'your questionnaires (PHQ-9, GAD-7)',
  message: 'your care team’s messages about you',
  brief: 'a summary of your recent changes',
  timeline: 'your record’s timeline',
  safetyFlag: 'a safety alert about you',
  trends: 'your check-in and questionnaire trends',
  caseload: 'your line in their list of patients (latest check-in and PHQ-9)',
  chartHeader: 'your chart (name, age, care team and alerts)',
  careSummary: 'your care summary',
  planComment: 'comments on your treatment plan',
};

// Allowed actions that read better as their own sentence.
const PHRASES: Record<string, string> = {
  'create:careTeam': 'Added a clinician to your care team',
  'update:careTeam': 'Ended a clinician’s place on your care team',
  'create:user': 'Created your account',
  'update:user': 'Changed your account',
  'create:medicationChange': 'Recorded a change to your medications',
  'create:sessionNote': 'Started a session note',
  'sign:sessionNote': 'Signed a session note',
  'create:checkIn': 'Checked in',
  'create:assessment': 'Completed a questionnaire',
  'acknowledge:treatmentPlan': 'Acknowledged your treatment plan',
  'comment:treatmentPlan': 'Commented on your treatment plan',
  'requestReview:treatmentPlan': 'Asked for a review of your treatment plan',
  'resolveReview:treatmentPlan': 'Resolved your request for a plan review',
  'update:treatmentPlan': 'Updated your treatment plan',
};

const READS = new Set(['read', 'list']);

/** One access, in plain language addressed to the patient ("Viewed your medications"). */
export function summarizeAccess(action: string, resourceType: string, outcome: Outcome): string {
  const noun = NOUNS[resourceType] ?? 'your record';
  const isRead = READS.has(action);
  if (outcome === 'DENIED') {
    return `Tried to ${isRead ? 'view' : 'change'} ${noun} and was refused`;
  }
  if (outcome === 'FAILED') {
    return `Tried to ${isRead ? 'view' : 'change'} ${noun}, but it did not go through`;
  }
  if (isRead) return `Viewed ${noun}`;
  return PHRASES[`${action}:${resourceType}`] ?? `Changed ${noun}`;
}

/**
 * The patient themself and their organization's admins ("who viewed my record"): every audited
 * access to this patient's record, newest first, a page at a time. Clinicians in scope get
 * ForbiddenError, anyone out of scope NotFoundError. Reading the log is itself audited.
 */
export async function listAccessLog(
  viewer: Viewer,
  patientId: string,
  query: z.input<typeof AccessLogQuery> = {},
): Promise<AccessLogPage> {
  const { cursor, limit } = AccessLogQuery.parse(query);
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'accessLog.read', action: 'read', resourceType: 'accessLog' },
    async (tx, patient) => {
      const mine: Prisma.AuditEventWhereInput = {
        organizationId: patient.organizationId,
        patientId: patient.id,
        resourceType: { not: PSYCHOTHERAPY_NOTE_RESOURCE },
      };
      const filters: Prisma.AuditEventWhereInput[] = [mine];
      if (cursor) {
        const after = await tx.auditEvent.findFirst({
          where: { AND: [mine, { id: cursor }] },
          select: { seq: true, occurredAt: true },
        });
        if (!after) throw invalidCursor();
        filters.push({
          OR: [
            { occurredAt: { lt: after.occurredAt } },
            { occurredAt: after.occurredAt, seq: { lt: after.seq } },
          ],
        });
      }
      // Newest first along the (patientId, occurredAt) index; seq breaks ties in chain order.
      const rows = await tx.auditEvent.findMany({
        where: { AND: filters },
        orderBy: [{ occurredAt: 'desc' }, { seq: 'desc' }],
        take: limit + 1,
        select: {
          id: true,
          occurredAt: true,
          actorId: true,
          actorRole: true,
          action: true,
          resourceType: true,
          outcome: true,
        },
      });
      const page = rows.slice(0, limit);

      const actorIds = [...new Set(page.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
      const actors =
        actorIds.length === 0
          ? []
          : await tx.user.findMany({
              where: { id: { in: actorIds }, organizationId: patient.organizationId },
              select: { id: true, name: true },
            });
      const own = await tx.patient.findFirst({
        where: { id: patient.id, organizationId: patient.organizationId },
        select: { userId: true },
      });
      const names = new Map(actors.map((a) => [a.id, a.name]));

      return {
        items: page.map((r) => ({
          id: r.id,
          occurredAt: r.occurredAt.toISOString(),
          actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
          actorRole: (r.actorRole as Role | null) ?? null,
          isSelf: r.actorId !== null && r.actorId === own?.userId,
          action: r.action,
          resourceType: r.resourceType,
          outcome: r.outcome,
          summary: summarizeAccess(r.action, r.resourceType, r.outcome),
        })),
        nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
      };
    },
  );
}
