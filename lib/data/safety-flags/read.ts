import 'server-only';
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import { clinicianRole } from '@/lib/auth/viewer';
import { patientScope, type ScopedPatient } from '@/lib/data/scope';
import { NotFoundError } from '@/lib/errors';
import { toIsoDate } from '@/lib/calendar-date';
import type {
  PatientFlagStatus,
  PatientSafetyFlagStatus,
  SafetyFlag,
  SafetyFlagFilter,
} from '@/lib/schemas/safety-flags';
import type { SafetyFlagStatus } from '@/lib/schemas/enums';

// The reads of a patient's safety flags, inside the transaction of lib/data/safety-flags: the
// care team's whole flag with its source, and the patient's status-only view.

const clinician = { select: { id: true, name: true, role: true } } as const;

export const flagSelect = {
  id: true,
  patientId: true,
  source: true,
  urgency: true,
  status: true,
  reason: true,
  raisedAt: true,
  raisedBy: clinician,
  acknowledgedAt: true,
  acknowledgedBy: clinician,
  resolvedAt: true,
  resolvedBy: clinician,
  outcome: true,
  resolutionNote: true,
  assessment: {
    select: { id: true, instrument: true, answers: true, score: true, completedAt: true },
  },
  checkIn: {
    select: {
      id: true,
      localDate: true,
      sideEffects: { select: { name: true, severity: true }, orderBy: { name: 'asc' } },
    },
  },
} as const satisfies Prisma.SafetyFlagSelect;

type FlagRow = Prisma.SafetyFlagGetPayload<{ select: typeof flagSelect }>;
type PersonRow = { id: string; name: string; role: string } | null;

const personOf = (row: PersonRow) =>
  row && { id: row.id, name: row.name, role: clinicianRole(row.role) };

/** The care team's view of one flag. */
export function toSafetyFlag(row: FlagRow): SafetyFlag {
  return {
    id: row.id,
    patientId: row.patientId,
    source: row.source,
    urgency: row.urgency,
    status: row.status,
    reason: row.reason,
    raisedAt: row.raisedAt.toISOString(),
    raisedBy: personOf(row.raisedBy),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: personOf(row.acknowledgedBy),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedBy: personOf(row.resolvedBy),
    outcome: row.outcome,
    resolutionNote: row.resolutionNote,
    assessment: row.assessment && {
      ...row.assessment,
      completedAt: row.assessment.completedAt.toISOString(),
    },
    checkIn: row.checkIn && {
      id: row.checkIn.id,
      localDate: toIsoDate(row.checkIn.localDate),
      sideEffects: row.checkIn.sideEffects,
    },
  };
}

/** One flag of the patient, for the care team; NotFoundError when it is not this patient's. */
export async function findFlag(tx: Tx, patient: ScopedPatient, flagId: string) {
  const row = await tx.safetyFlag.findFirst({
    where: { ...patientScope(patient), id: flagId },
    select: flagSelect,
  });
  if (!row) throw new NotFoundError('safety flag');
  return toSafetyFlag(row);
}

const STATUSES_OF: Record<SafetyFlagFilter, SafetyFlagStatus[]> = {
  open: ['OPEN', 'ACKNOWLEDGED'],
  resolved: ['RESOLVED'],
  all: ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'],
};

/** The where of a list of the patient's flags with `filter`. */
export function flagsWhere(patient: ScopedPatient, filter: SafetyFlagFilter) {
  return { ...patientScope(patient), status: { in: STATUSES_OF[filter] } };
}

/**
 * SECURITY (the patient sees status only): the flags a patient's own answers raised (a
 * clinician's flag is the team's concern, not an answer waiting to be seen).
 */
export function answerFlagsWhere(patient: ScopedPatient) {
  return { ...patientScope(patient), source: { not: 'CLINICIAN' as const } };
}

/** WAITING until someone on the team acknowledged it; SEEN after, resolved or not. */
export function patientStatusOf(status: SafetyFlagStatus): PatientFlagStatus {
  return status === 'OPEN' ? 'WAITING' : 'SEEN';
}

export const patientStatusSelect = { id: true, raisedAt: true, status: true } as const;

/** The patient's view of one flag: when, and whether the team has seen it. Nothing else. */
export function toPatientStatus(row: {
  id: string;
  raisedAt: Date;
  status: SafetyFlagStatus;
}): PatientSafetyFlagStatus {
  return { id: row.id, raisedAt: row.raisedAt.toISOString(), status: patientStatusOf(row.status) };
}
