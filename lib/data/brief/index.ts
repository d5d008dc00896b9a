import 'server-only';
import type { z } from 'zod';
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import { clinicianRole, type Viewer } from '@/lib/auth/viewer';
import { withPatientAccess } from '@/lib/data/patient-access';
import { type ScopedPatient, patientScope } from '@/lib/data/scope';
import { personSelect } from '@/lib/data/selects';
import { toIsoDate } from '@/lib/format';
import { assessmentSummary, checkInSummary, sideEffectsSince } from '@/lib/data/brief/facts';
import { BriefQuery, type Brief, type BriefMedicationChange } from '@/lib/schemas/brief';
import { parseInput } from '@/lib/errors';

export type { Brief } from '@/lib/schemas/brief';

const DAY = 86_400_000;
/** Without a completed visit or a signed note of the viewer's, the brief looks back this many days. */
export const DEFAULT_BRIEF_DAYS = 30;
const MAX_ITEMS = 50;

const medicationChangeSelect = {
  id: true,
  action: true,
  medication: true,
  dose: true,
  unit: true,
  frequency: true,
  effectiveDate: true,
  reason: true,
  monitorFor: true,
  noteForCareTeam: true,
  createdAt: true,
  prescriber: { select: { id: true, name: true } },
} as const satisfies Prisma.MedicationChangeSelect;

type ChangeRow = Prisma.MedicationChangeGetPayload<{ select: typeof medicationChangeSelect }>;

function toChange(row: ChangeRow): BriefMedicationChange {
  return {
    id: row.id,
    action: row.action,
    medication: row.medication,
    dose: row.dose === null ? null : Number(row.dose),
    unit: row.unit,
    frequency: row.frequency,
    effectiveDate: toIsoDate(row.effectiveDate),
    reason: row.reason,
    monitorFor: row.monitorFor,
    noteForCareTeam: row.noteForCareTeam,
    prescriber: row.prescriber,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Where the period starts when no `since` is asked for: the end of the viewer's last completed
 * appointment with this patient that started before `before` (default now), else the viewer's own
 * last signed note for this patient, else DEFAULT_BRIEF_DAYS before `before`. Two index probes at
 * most. The Today page asks it per visit, with the visit's start as `before`.
 */
export async function briefWindowStart(
  tx: Tx,
  viewer: Pick<Viewer, 'userId'>,
  patient: ScopedPatient,
  before: Date,
): Promise<{ since: Date; source: Exclude<Brief['sinceSource'], 'QUERY'> }> {
  const visit = await tx.appointment.findFirst({
    where: {
      ...patientScope(patient),
      clinicianId: viewer.userId,
      status: 'COMPLETED',
      startsAt: { lt: before },
    },
    orderBy: { startsAt: 'desc' },
    select: { endsAt: true },
  });
  if (visit) return { since: visit.endsAt, source: 'LAST_COMPLETED_APPOINTMENT' };
  const last = await tx.sessionNote.findFirst({
    where: {
      authorId: viewer.userId,
      ...patientScope(patient),
      status: 'SIGNED',
    },
    orderBy: { signedAt: 'desc' },
    select: { signedAt: true },
  });
  if (last?.signedAt) return { since: last.signedAt, source: 'LAST_SIGNED_NOTE' };
  return {
    since: new Date(before.getTime() - DEFAULT_BRIEF_DAYS * DAY),
    source: 'DEFAULT_30_DAYS',
  };
}

async function resolveSince(
  tx: Tx,
  viewer: Viewer,
  patient: ScopedPatient,
  since: string | undefined,
  now: Date,
): Promise<{ since: Date; source: Brief['sinceSource'] }> {
  if (since) return { since: new Date(since), source: 'QUERY' };
  return briefWindowStart(tx, viewer, patient, now);
}

type Scope = { patientId: string; organizationId: string };

/** The medication changes of the period, oldest first, and the last one before it. */
async function medicationFacts(tx: Tx, scope: Scope, since: Date) {
  const changes = await tx.medicationChange.findMany({
    where: { ...scope, createdAt: { gte: since } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: MAX_ITEMS,
    select: medicationChangeSelect,
  });
  const before = await tx.medicationChange.findFirst({
    where: { ...scope, createdAt: { lt: since } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: medicationChangeSelect,
  });
  return {
    medicationChanges: changes.reverse().map(toChange),
    lastChangeBefore: before ? toChange(before) : null,
  };
}

/** The plan versions and care-team messages of the period, oldest first, and open safety flags. */
async function teamFacts(tx: Tx, scope: Scope, since: Date) {
  const planChanges = await tx.treatmentPlanVersion.findMany({
    where: { ...scope, createdAt: { gte: since } },
    orderBy: { createdAt: 'desc' },
    take: MAX_ITEMS,
    select: {
      version: true,
      changeSummary: true,
      createdAt: true,
      author: { select: { id: true, name: true } },
    },
  });
  const messages = await tx.careTeamMessage.findMany({
    where: { ...scope, createdAt: { gte: since } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: MAX_ITEMS,
    select: { id: true, body: true, createdAt: true, author: { select: personSelect } },
  });
  const flags = await tx.safetyFlag.findMany({
    where: { ...scope, status: { not: 'RESOLVED' } },
    orderBy: { raisedAt: 'desc' },
    take: MAX_ITEMS,
    select: { id: true, reason: true, urgency: true, status: true, raisedAt: true },
  });
  return {
    planChanges: planChanges.reverse().map((v) => ({
      version: v.version,
      changeSummary: v.changeSummary,
      author: v.author,
      createdAt: v.createdAt.toISOString(),
    })),
    messages: messages.reverse().map((m) => ({
      id: m.id,
      body: m.body,
      createdAt: m.createdAt.toISOString(),
      author: {
        id: m.author.id,
        name: m.author.name,
        role: clinicianRole(m.author.role),
      },
    })),
    openSafetyFlags: flags.map((f) => ({
      id: f.id,
      reason: f.reason,
      urgency: f.urgency,
      status: f.status === 'OPEN' ? ('OPEN' as const) : ('ACKNOWLEDGED' as const),
      raisedAt: f.raisedAt.toISOString(),
    })),
  };
}

/**
 * Clinicians on the patient's care team: what changed since `since` (default: the end of the
 * viewer's last completed appointment with this patient, else their last signed note, else 30 days): medication changes, side effects, check-ins against
 * the period before, PHQ-9/GAD-7, plan versions, care-team messages, open safety flags.
 * A fixed number of queries whatever the history's length. Never reads psychotherapy notes.
 * NotFoundError out of scope, ForbiddenError for patients and admins; audited as a read of 'brief'.
 */
export async function getBrief(
  viewer: Viewer,
  patientId: string,
  query: z.input<typeof BriefQuery> = {},
  now: Date = new Date(),
): Promise<Brief> {
  const input = parseInput(BriefQuery, query);
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'brief.read', action: 'read', resourceType: 'brief' },
    async (tx, patient) => {
      const { since, source } = await resolveSince(tx, viewer, patient, input.since, now);
      const scope = patientScope(patient);
      const sinceDay = Date.parse(toIsoDate(since));
      const today = Date.parse(toIsoDate(now));
      const days = Math.max(0, Math.round((today - sinceDay) / DAY) + 1);
      const period = {
        since: new Date(sinceDay),
        previousStart: new Date(sinceDay - days * DAY),
        today: new Date(today),
        days,
      };
      const medications = await medicationFacts(tx, scope, since);
      return {
        patientId: patient.id,
        since: since.toISOString(),
        sinceSource: source,
        until: now.toISOString(),
        ...medications,
        sideEffects: await sideEffectsSince(tx, patient, period.since),
        checkIns: await checkInSummary(tx, patient, period),
        assessments: await assessmentSummary(tx, patient, since),
        ...(await teamFacts(tx, scope, since)),
      };
    },
  );
}
