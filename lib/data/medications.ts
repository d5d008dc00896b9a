import 'server-only';
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import {
  applyChange,
  deriveRegimen,
  doseToNumber,
  medicationKey,
  transitionConflict,
  type MedicationStateValue,
  type RegimenChange,
} from '@/lib/clinical/regimen';
import { withPatientAccess } from '@/lib/data/patient-access';
import { idempotent } from '@/lib/data/idempotency';
import type { Idempotency } from '@/lib/idempotency';
import { ConflictError, InvalidInputError, invalidCursor, parseInput } from '@/lib/errors';
import { toIsoDate } from '@/lib/format';

import {
  MedicationChangeInput,
  type MedicationChange,
  type MedicationChangeData,
  type MedicationChangePage,
  type Regimen,
  type RegimenItem,
} from '@/lib/schemas/medications';

const changeSelect = {
  id: true,
  action: true,
  medication: true,
  medicationKey: true,
  dose: true,
  unit: true,
  frequency: true,
  route: true,
  effectiveDate: true,
  reason: true,
  monitorFor: true,
  reviewBy: true,
  patientExplanation: true,
  noteForCareTeam: true,
  previousChangeId: true,
  correctsId: true,
  createdAt: true,
  prescriber: { select: { id: true, name: true } },
  correctedBy: { select: { id: true } },
} as const satisfies Prisma.MedicationChangeSelect;

type ChangeRow = Prisma.MedicationChangeGetPayload<{ select: typeof changeSelect }>;

function toChange(row: ChangeRow, viewer: Viewer): MedicationChange {
  const change: MedicationChange = {
    id: row.id,
    action: row.action,
    medication: row.medication,
    dose: doseToNumber(row.dose),
    unit: row.unit,
    frequency: row.frequency,
    route: row.route,
    effectiveDate: toIsoDate(row.effectiveDate),
    reason: row.reason,
    monitorFor: row.monitorFor,
    reviewBy: row.reviewBy ? toIsoDate(row.reviewBy) : null,
    patientExplanation: row.patientExplanation,
    prescriber: { id: row.prescriber.id, name: row.prescriber.name },
    previousChangeId: row.previousChangeId,
    correctsId: row.correctsId,
    correctedById: row.correctedBy?.id ?? null,
    createdAt: row.createdAt.toISOString(),
  };
  // SECURITY (PRODUCT.md): the note for the care team is for clinicians; a patient never gets it.
  if (viewer.role !== 'PATIENT') change.noteForCareTeam = row.noteForCareTeam;
  return change;
}

const stateSelect = {
  medicationKey: true,
  medication: true,
  status: true,
  dose: true,
  unit: true,
  frequency: true,
  route: true,
  since: true,
  lastChangeId: true,
} as const satisfies Prisma.MedicationStateSelect;

function toRegimenItem(
  row: Prisma.MedicationStateGetPayload<{ select: typeof stateSelect }>,
): RegimenItem {
  return {
    medicationKey: row.medicationKey,
    medication: row.medication,
    status: row.status,
    dose: doseToNumber(row.dose),
    unit: row.unit,
    frequency: row.frequency,
    route: row.route,
    since: toIsoDate(row.since),
    lastChangeId: row.lastChangeId,
  };
}

const STATUS_ORDER = { ACTIVE: 0, HELD: 1, STOPPED: 2 } as const;

/**
 * The patient, prescribers and therapists in scope: the current regimen (active, then held, then
 * stopped). Reads MedicationState only, so its cost does not grow with the history.
 */
export async function getRegimen(viewer: Viewer, patientId: string): Promise<Regimen> {
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'medicationChange.read', action: 'read', resourceType: 'medication' },
    async (tx, patient) => {
      const rows = await tx.medicationState.findMany({
        where: { patientId: patient.id, organizationId: patient.organizationId },
        select: stateSelect,
        orderBy: { medicationKey: 'asc' },
      });
      const items = rows.map(toRegimenItem);
      items.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
      return { items };
    },
  );
}

/**
 * The patient, prescribers and therapists in scope: the change history, newest first by effective
 * date then recording time, a page at a time. Patients get it without the note for the care team.
 */
export async function listMedicationChanges(
  viewer: Viewer,
  patientId: string,
  options: { since?: string; cursor?: string; limit?: number } = {},
): Promise<MedicationChangePage> {
  const limit = options.limit ?? 25;
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'medicationChange.read', action: 'read', resourceType: 'medicationChange' },
    async (tx, patient) => {
      const scope = { patientId: patient.id, organizationId: patient.organizationId };
      const where: Prisma.MedicationChangeWhereInput[] = [scope];
      if (options.since)
        where.push({ effectiveDate: { gte: new Date(`${options.since}T00:00:00Z`) } });
      if (options.cursor) {
        const after = await tx.medicationChange.findFirst({
          where: { ...scope, id: options.cursor },
          select: { id: true, effectiveDate: true, createdAt: true },
        });
        if (!after) throw invalidCursor();
        where.push({
          OR: [
            { effectiveDate: { lt: after.effectiveDate } },
            { effectiveDate: after.effectiveDate, createdAt: { lt: after.createdAt } },
            {
              effectiveDate: after.effectiveDate,
              createdAt: after.createdAt,
              id: { lt: after.id },
            },
          ],
        });
      }
      const rows = await tx.medicationChange.findMany({
        where: { AND: where },
        select: changeSelect,
        orderBy: [{ effectiveDate: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
        take: limit + 1,
      });
      const page = rows.slice(0, limit);
      return {
        items: page.map((row) => toChange(row, viewer)),
        nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
      };
    },
  );
}

function asRegimenChange(row: {
  id: string;
  action: RegimenChange['action'];
  medication: string;
  medicationKey: string;
  dose: Prisma.Decimal | null;
  unit: string | null;
  frequency: string | null;
  route: string | null;
  effectiveDate: Date;
  createdAt: Date;
  correctsId: string | null;
}): RegimenChange {
  return { ...row, dose: doseToNumber(row.dose) };
}

function stateValueOf(
  row: Prisma.MedicationStateGetPayload<{ select: typeof stateSelect }>,
): MedicationStateValue {
  return { ...row, dose: doseToNumber(row.dose) };
}

async function writeState(
  tx: Tx,
  patient: { id: string; organizationId: string },
  key: string,
  state: MedicationStateValue | undefined,
) {
  if (!state) {
    // Every change of this medication was entered in error: it is no longer part of the regimen.
    await tx.medicationState.deleteMany({
      where: { patientId: patient.id, organizationId: patient.organizationId, medicationKey: key },
    });
    return;
  }
  const values = {
    medication: state.medication,
    status: state.status,
    dose: state.dose,
    unit: state.unit,
    frequency: state.frequency,
    route: state.route,
    since: state.since,
    lastChangeId: state.lastChangeId,
  };
  await tx.medicationState.upsert({
    where: { patientId_medicationKey: { patientId: patient.id, medicationKey: key } },
    create: {
      ...values,
      organizationId: patient.organizationId,
      patientId: patient.id,
      medicationKey: key,
    },
    update: values,
  });
}

/** The newest recorded change of a medication (the end of its chain), which a new one follows. */
async function chainTail(tx: Tx, patientId: string, key: string): Promise<string | null> {
  const tail = await tx.medicationChange.findFirst({
    where: { patientId, medicationKey: key, nextChange: { is: null } },
    select: { id: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  return tail?.id ?? null;
}

// Conflicts about the new dose belong next to the dose field; the rest to the medication.
const DOSE_MESSAGES = /higher dose|lower dose|the new dose/;

/**
 * Prescribers on the patient's care team: appends one change to the history and updates the
 * regimen in the same transaction. ConflictError (409) when the regimen does not allow it;
 * with an Idempotency-Key, a repeat answers the first result and records nothing new.
 */
export async function recordMedicationChange(
  viewer: Viewer,
  patientId: string,
  input: MedicationChangeInput | MedicationChangeData,
  idempotency?: Idempotency,
): Promise<MedicationChange> {
  const data = parseInput(MedicationChangeInput, input);
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'medicationChange.create', action: 'create', resourceType: 'medicationChange' },
    (tx, patient) =>
      idempotent(tx, viewer, idempotency, data, () => appendChange(tx, viewer, patient, data)),
    (change) => change.id,
  );
}

async function appendChange(
  tx: Tx,
  viewer: Viewer,
  patient: { id: string; organizationId: string },
  data: MedicationChangeData,
): Promise<MedicationChange> {
  // SECURITY (regimen integrity): one change at a time per patient, so two concurrent changes
  // cannot both pass the checks below against the same state. NO KEY UPDATE leaves the rows that
  // reference the patient (check-ins, notes) free to be written meanwhile.
  await tx.$queryRaw`SELECT id FROM "Patient" WHERE id = ${patient.id}::uuid FOR NO KEY UPDATE`;

  const base = {
    organizationId: patient.organizationId,
    patientId: patient.id,
    prescriberId: viewer.userId,
    effectiveDate: new Date(`${data.effectiveDate}T00:00:00Z`),
    reason: data.reason,
    monitorFor: data.monitorFor,
    reviewBy: data.reviewBy ? new Date(`${data.reviewBy}T00:00:00Z`) : null,
    patientExplanation: data.patientExplanation?.trim() || null,
    noteForCareTeam: data.noteForCareTeam?.trim() || null,
  };

  if (data.action === 'ENTERED_IN_ERROR') {
    const target = await tx.medicationChange.findFirst({
      where: {
        id: data.correctsId!,
        patientId: patient.id,
        organizationId: patient.organizationId,
      },
      select: {
        id: true,
        action: true,
        medication: true,
        medicationKey: true,
        correctedBy: { select: { id: true } },
      },
    });
    if (!target)
      throw InvalidInputError.field('correctsId', 'No change of this patient has that id.');
    if (target.action === 'ENTERED_IN_ERROR') {
      throw new ConflictError(
        'A correction cannot itself be marked as entered in error.',
        'correctsId',
      );
    }
    if (target.correctedBy) {
      throw new ConflictError('This change is already marked as entered in error.', 'correctsId');
    }
    const created = await tx.medicationChange.create({
      data: {
        ...base,
        action: 'ENTERED_IN_ERROR',
        medication: target.medication,
        medicationKey: target.medicationKey,
        correctsId: target.id,
        previousChangeId: await chainTail(tx, patient.id, target.medicationKey),
      },
      select: changeSelect,
    });
    // Rebuilt from this medication's history alone, without the corrected change.
    const history = await tx.medicationChange.findMany({
      where: {
        patientId: patient.id,
        organizationId: patient.organizationId,
        medicationKey: target.medicationKey,
      },
      select: {
        id: true,
        action: true,
        medication: true,
        medicationKey: true,
        dose: true,
        unit: true,
        frequency: true,
        route: true,
        effectiveDate: true,
        createdAt: true,
        correctsId: true,
      },
    });
    const [state] = deriveRegimen(history.map(asRegimenChange));
    await writeState(tx, patient, target.medicationKey, state);
    return toChange(created, viewer);
  }

  const key = medicationKey(data.medication!);
  const stateRow = await tx.medicationState.findFirst({
    where: { patientId: patient.id, organizationId: patient.organizationId, medicationKey: key },
    select: stateSelect,
  });
  const current = stateRow ? stateValueOf(stateRow) : undefined;
  const dose = data.dose ?? null;
  const conflict = transitionConflict(current, data.action, dose);
  if (conflict) {
    throw new ConflictError(conflict, DOSE_MESSAGES.test(conflict) ? 'dose' : 'medication');
  }
  if (current && base.effectiveDate < current.since) {
    throw new ConflictError(
      `${current.medication} last changed on ${toIsoDate(current.since)}: a new change must take effect on or after that date.`,
      'effectiveDate',
    );
  }
  const carriesDose =
    data.action === 'START' || data.action === 'INCREASE' || data.action === 'DECREASE';
  const created = await tx.medicationChange.create({
    data: {
      ...base,
      action: data.action,
      medication: current && data.action !== 'START' ? current.medication : data.medication!.trim(),
      medicationKey: key,
      dose: carriesDose ? dose : null,
      unit: carriesDose ? (data.unit ?? current?.unit ?? null) : null,
      frequency: data.frequency ?? (carriesDose ? (current?.frequency ?? null) : null),
      route: data.route ?? (carriesDose ? (current?.route ?? null) : null),
      previousChangeId: await chainTail(tx, patient.id, key),
    },
    select: changeSelect,
  });
  await writeState(tx, patient, key, applyChange(current, asRegimenChange(created)));
  return toChange(created, viewer);
}

export type OverviewTrends = {
  /** The first day of the window, `YYYY-MM-DD`. */
  from: string;
  phq9: { date: string; value: number }[];
  gad7: { date: string; value: number }[];
  mood: { date: string; value: number }[];
  changes: MedicationChange[];
};

/** How far back the Overview's chart looks. */
export const OVERVIEW_DAYS = 180;

/**
 * Prescribers and therapists on the care team (the chart's Overview): PHQ-9, GAD-7 and check-in
 * mood over the last OVERVIEW_DAYS days, with the medication changes of the period, in one read.
 */
export async function getOverviewTrends(
  viewer: Viewer,
  patientId: string,
  now: Date = new Date(),
): Promise<OverviewTrends> {
  const from = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) -
      OVERVIEW_DAYS * 86_400_000,
  );
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'brief.read', action: 'read', resourceType: 'chartOverview' },
    async (tx, patient) => {
      const scope = { patientId: patient.id, organizationId: patient.organizationId };
      const assessments = await tx.assessment.findMany({
        where: { ...scope, completedAt: { gte: from } },
        select: { instrument: true, score: true, completedAt: true },
        orderBy: { completedAt: 'asc' },
        take: 1000,
      });
      const checkIns = await tx.checkIn.findMany({
        where: { ...scope, localDate: { gte: from } },
        select: { localDate: true, mood: true },
        orderBy: { localDate: 'asc' },
        take: 1000,
      });
      const changes = await tx.medicationChange.findMany({
        where: { ...scope, effectiveDate: { gte: from } },
        select: changeSelect,
        orderBy: [{ effectiveDate: 'asc' }, { createdAt: 'asc' }],
        take: 200,
      });
      const scores = (instrument: string) =>
        assessments
          .filter((a) => a.instrument === instrument)
          .map((a) => ({ date: toIsoDate(a.completedAt), value: a.score }));
      return {
        from: toIsoDate(from),
        phq9: scores('PHQ9'),
        gad7: scores('GAD7'),
        mood: checkIns.map((c) => ({ date: toIsoDate(c.localDate), value: c.mood })),
        changes: changes.map((row) => toChange(row, viewer)),
      };
    },
  );
}
