// The patient's whole record as one read, for the exports (PDF and FHIR): every kind the patient
// may read, nothing they may not (docs/decisions/032-record-export.md). Each list is bounded, and
// the record says when one was cut (`truncated`), so a long record never becomes an unbounded read.
import 'server-only';
import type { Tx } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import { withPatientAccess } from '@/lib/data/patient-access';
import { patientScope, type ScopedPatient } from '@/lib/data/scope';
import { changeSelect, stateSelect, toChange, toRegimenItem } from '@/lib/data/medications/rows';
import { currentPlanVersion } from '@/lib/data/treatment-plans/current';
import { activeClinicians, toPlanVersion, versionSelect } from '@/lib/data/treatment-plans/shared';
import { noteSelect, notesVisibleTo, toNote } from '@/lib/data/session-notes/shared';
import { checkInSelect, toCheckIn, type PersonalMeasure } from '@/lib/data/check-ins/shared';
import { assessmentSelect } from '@/lib/data/assessments/record';
import { currentSafetyPlanVersion, toSafetyPlanVersion } from '@/lib/data/safety-plan/shared';
import { toIsoDate } from '@/lib/format';
import { CRISIS_LINES } from '@/lib/schemas/safety-plan';
import type { AuditResource } from '@/lib/audit-vocabulary';
import type { RecordExport } from '@/lib/record-export/types';

export type { RecordExport } from '@/lib/record-export/types';

/** The most of each kind one export carries (newest first); the document says when cut. */
export const EXPORT_LIMITS = {
  medicationChanges: 500,
  sessionNotes: 200,
  checkIns: 366,
  assessments: 200,
} as const;

/** The first `limit` rows of a list read with `take: limit + 1`, and whether more were there. */
function bounded<T>(rows: T[], limit: number): { rows: T[]; cut: boolean } {
  return { rows: rows.slice(0, limit), cut: rows.length > limit };
}

async function readPatient(tx: Tx, patient: ScopedPatient) {
  return tx.patient.findFirstOrThrow({
    where: { id: patient.id, organizationId: patient.organizationId },
    select: {
      id: true,
      dateOfBirth: true,
      pronouns: true,
      account: { select: { name: true } },
      organization: { select: { name: true } },
    },
  });
}

async function readSafetyPlan(tx: Tx, patient: ScopedPatient) {
  const current = await currentSafetyPlanVersion(tx, patient);
  return current ? toSafetyPlanVersion(current) : null;
}

/** Every list of the record, each one indexed statement, run concurrently on the read client. */
async function readLists(tx: Tx, viewer: Viewer, patient: ScopedPatient) {
  const scope = patientScope(patient);
  const L = EXPORT_LIMITS;
  return Promise.all([
    tx.medicationState.findMany({
      where: scope,
      select: stateSelect,
      orderBy: { medicationKey: 'asc' },
    }),
    tx.medicationChange.findMany({
      where: scope,
      select: changeSelect,
      orderBy: [{ effectiveDate: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
      take: L.medicationChanges + 1,
    }),
    // SECURITY: the notes the viewer may read (a patient: signed and not withheld). Psychotherapy
    // notes live in another table and are never read here (docs/decisions/010-psychotherapy-notes.md).
    tx.sessionNote.findMany({
      where: notesVisibleTo(viewer, patient),
      select: noteSelect,
      orderBy: [{ sessionDate: 'desc' }, { id: 'desc' }],
      take: L.sessionNotes + 1,
    }),
    tx.checkIn.findMany({
      where: scope,
      select: checkInSelect,
      orderBy: { localDate: 'desc' },
      take: L.checkIns + 1,
    }),
    tx.assessment.findMany({
      where: scope,
      select: assessmentSelect,
      orderBy: [{ completedAt: 'desc' }, { id: 'desc' }],
      take: L.assessments + 1,
    }),
  ]);
}

/** Reads the record inside the caller's withPatientAccess (lib/data only). */
export async function readRecordTx(
  tx: Tx,
  viewer: Viewer,
  patient: ScopedPatient,
): Promise<RecordExport> {
  const [person, careTeam, plan, safetyPlan, lists] = await Promise.all([
    readPatient(tx, patient),
    activeClinicians(tx, patient),
    currentPlanVersion(tx, patient, versionSelect),
    readSafetyPlan(tx, patient),
    readLists(tx, viewer, patient),
  ]);
  const [states, changes, notes, checkIns, assessments] = lists;
  const planVersion = plan ? toPlanVersion(plan.version) : null;
  const measures: PersonalMeasure[] = (planVersion?.goals ?? [])
    .filter((g) => g.measureKind === 'PERSONAL')
    .map((g) => ({
      goalKey: g.goalKey,
      description: g.description,
      patientWording: g.patientWording,
      name: g.measureName,
      unit: g.measureUnit,
      direction: g.direction,
      targetValue: g.targetValue,
    }));
  const L = EXPORT_LIMITS;
  const cut = {
    medicationChanges: bounded(changes, L.medicationChanges),
    sessionNotes: bounded(notes, L.sessionNotes),
    checkIns: bounded(checkIns, L.checkIns),
    assessments: bounded(assessments, L.assessments),
  };
  return {
    generatedAt: new Date().toISOString(),
    patient: {
      id: person.id,
      name: person.account.name,
      dateOfBirth: toIsoDate(person.dateOfBirth),
      pronouns: person.pronouns,
      organization: person.organization.name,
    },
    careTeam,
    plan: plan && planVersion ? { planId: plan.planId, ...planVersion } : null,
    regimen: states.map(toRegimenItem),
    // SECURITY: toChange drops the note for the care team for a patient viewer.
    medicationChanges: cut.medicationChanges.rows.map((row) => toChange(row, viewer)),
    sessionNotes: cut.sessionNotes.rows.map((row) => toNote(row, viewer)),
    checkIns: cut.checkIns.rows.map((row) => toCheckIn(row, measures)),
    assessments: cut.assessments.rows.map((a) => ({
      id: a.id,
      instrument: a.instrument,
      score: a.score,
      severity: a.severity,
      completedAt: a.completedAt.toISOString(),
    })),
    safetyPlan,
    crisisLines: [...CRISIS_LINES],
    truncated: Object.fromEntries(
      Object.entries(cut).map(([kind, { cut: wasCut }]) => [kind, wasCut]),
    ) as RecordExport['truncated'],
    limits: EXPORT_LIMITS,
  };
}

/**
 * The patient themself (record.export): their record for a download, audited as an export of
 * `resourceType` (who viewed my record says "downloaded your record"). Clinicians and admins get
 * 403, anyone else 404. Runs on the read client: it writes nothing but its audit event.
 */
export async function readRecordForExport(
  viewer: Viewer,
  patientId: string,
  format: 'pdf' | 'fhir',
): Promise<RecordExport> {
  const resourceType =
    format === 'pdf'
      ? ('recordPdf' satisfies AuditResource)
      : ('recordFhir' satisfies AuditResource);
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'record.export', action: 'export', resourceType },
    (tx, patient) => readRecordTx(tx, viewer, patient),
  );
}
