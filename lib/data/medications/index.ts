import 'server-only';
import type { Prisma } from '@/prisma/generated/client';
import type { Viewer } from '@/lib/auth/viewer';
import { withPatientAccess } from '@/lib/data/patient-access';
import { patientScope } from '@/lib/data/scope';
import { afterKey, keysetPage, patientCreate, patientList } from '@/lib/data/recipes';
import {
  MedicationChangeInput,
  MedicationChangeQuery,
  type MedicationChange,
  type MedicationChangePage,
  type Regimen,
} from '@/lib/schemas/medications';
import { recordMedicationChangeTx } from './record-change';
import { changeSelect, stateSelect, toChange, toRegimenItem } from './rows';

export { getOverviewTrends, OVERVIEW_DAYS, type OverviewTrends } from './overview';
export { recordMedicationChangeTx, type Prescriber } from './record-change';

const STATUS_ORDER = { ACTIVE: 0, HELD: 1, STOPPED: 2 } as const;

const REGIMEN_READ = {
  permission: 'medicationChange.read',
  action: 'read',
  resourceType: 'medication',
} as const;

/**
 * The patient, prescribers and therapists in scope: the current regimen (active, then held, then
 * stopped). Reads MedicationState only, so its cost does not grow with the history.
 */
export async function getRegimen(viewer: Viewer, patientId: string): Promise<Regimen> {
  return withPatientAccess(viewer, patientId, REGIMEN_READ, async (tx, patient) => {
    const rows = await tx.medicationState.findMany({
      where: patientScope(patient),
      select: stateSelect,
      orderBy: { medicationKey: 'asc' },
    });
    const items = rows.map(toRegimenItem);
    items.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
    return { items };
  });
}

/**
 * The patient, prescribers and therapists in scope: the change history, newest first by effective
 * date then recording time, a page at a time. Patients get it without the note for the care team.
 */
export const listMedicationChanges = patientList(
  MedicationChangeQuery,
  { permission: 'medicationChange.read', action: 'read', resourceType: 'medicationChange' },
  (tx, patient, query, viewer): Promise<MedicationChangePage> => {
    const scope = patientScope(patient);
    const since = query.since
      ? { effectiveDate: { gte: new Date(`${query.since}T00:00:00Z`) } }
      : {};
    type Key = { id: string; effectiveDate: Date; createdAt: Date };
    // Newest first by effective date; within a day by recording time, then id.
    const after = (key: Key): Prisma.MedicationChangeWhereInput => ({
      OR: [
        { effectiveDate: { lt: key.effectiveDate } },
        {
          effectiveDate: key.effectiveDate,
          ...afterKey('createdAt', { value: key.createdAt, id: key.id }, 'desc'),
        },
      ],
    });
    return keysetPage({
      cursor: query.cursor,
      limit: query.limit,
      findKey: (id) =>
        tx.medicationChange.findFirst({
          where: { ...scope, id },
          select: { id: true, effectiveDate: true, createdAt: true },
        }),
      fetch: (key: Key | undefined, take) =>
        tx.medicationChange.findMany({
          where: { AND: [scope, since, key ? after(key) : {}] },
          select: changeSelect,
          orderBy: [{ effectiveDate: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
          take,
        }),
      cursorOf: (row) => row.id,
      toItem: (row) => toChange(row, viewer),
    });
  },
);

/**
 * Prescribers on the patient's care team: appends one change to the history and updates the
 * regimen in the same transaction (recordMedicationChangeTx), audited. ConflictError (409) when
 * the regimen does not allow it; with an Idempotency-Key, a repeat answers the first result and
 * records nothing new.
 */
export const recordMedicationChange = patientCreate(
  MedicationChangeInput,
  { permission: 'medicationChange.create', action: 'create', resourceType: 'medicationChange' },
  (tx, patient, data, viewer): Promise<MedicationChange> =>
    recordMedicationChangeTx(tx, viewer, patient, data),
);
