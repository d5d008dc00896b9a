import 'server-only';
import type { z } from 'zod';
import { can } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/viewer';
import { withPatientAccess, type PatientAccess } from '@/lib/data/patient-access';
import { newestFirstPage, patientCreate } from '@/lib/data/recipes';
import { raiseSafetyFlagTx } from '@/lib/data/safety-flags/raise';
import { acknowledgeSafetyFlagTx, resolveSafetyFlagTx } from '@/lib/data/safety-flags/lifecycle';
import {
  answerFlagsWhere,
  findFlag,
  flagSelect,
  flagsWhere,
  patientStatusOf,
  patientStatusSelect,
  toPatientStatus,
  toSafetyFlag,
} from '@/lib/data/safety-flags/read';
import { parseInput } from '@/lib/errors';
import {
  RaiseSafetyFlagInput,
  ResolveSafetyFlagInput,
  SafetyFlagListQuery,
  type PatientFlagStatus,
  type SafetyFlag,
  type SafetyFlagListAnswer,
} from '@/lib/schemas/safety-flags';

// Safety flags through the API (docs/decisions/019-safety-flags.md): the transaction-level writes
// (./raise.ts, ./lifecycle.ts) wrapped with access, parsing, idempotency and audit.

export type { SafetyFlag } from '@/lib/schemas/safety-flags';

const manage = (action: PatientAccess['action'], flagId?: string): PatientAccess => ({
  permission: 'safetyFlag.manage',
  action,
  resourceType: 'safetyFlag',
  resourceId: flagId,
});

/**
 * Clinicians on the team (safetyFlag.read): the flags with `status` (open by default), newest
 * raised first, each with its source. The patient (safetyFlag.readStatus): the flags their own
 * answers raised, status only (WAITING or SEEN); the filter does not apply. Admins 403.
 */
export async function listSafetyFlags(
  viewer: Viewer,
  patientId: string,
  query: z.input<typeof SafetyFlagListQuery> = {},
): Promise<SafetyFlagListAnswer> {
  const { status, cursor, limit } = parseInput(SafetyFlagListQuery, query);
  // SECURITY: the care team reads the flags; the patient their status only; nobody else either.
  const clinicianView = can(viewer, 'safetyFlag.read');
  const access: PatientAccess = {
    permission: clinicianView ? 'safetyFlag.read' : 'safetyFlag.readStatus',
    action: 'list',
    resourceType: 'safetyFlag',
  };
  return withPatientAccess(
    viewer,
    patientId,
    access,
    (tx, patient): Promise<SafetyFlagListAnswer> =>
      clinicianView
        ? newestFirstPage(
            tx.safetyFlag,
            {
              where: flagsWhere(patient, status),
              field: 'raisedAt',
              select: flagSelect,
              cursor,
              limit,
            },
            toSafetyFlag,
          )
        : newestFirstPage(
            tx.safetyFlag,
            {
              where: answerFlagsWhere(patient),
              field: 'raisedAt',
              select: patientStatusSelect,
              cursor,
              limit,
            },
            toPatientStatus,
          ),
  );
}

/**
 * Clinicians on the team: raise a flag by hand (source CLINICIAN) with its urgency and reason; the
 * rest of the care team gets an inbox item, the clinician none. Once per Idempotency-Key.
 */
export const raiseSafetyFlag = patientCreate(
  RaiseSafetyFlagInput,
  manage('create'),
  async (tx, patient, input, viewer): Promise<SafetyFlag> => {
    const { id } = await raiseSafetyFlagTx(tx, patient, {
      source: 'CLINICIAN',
      urgency: input.urgency,
      reason: input.reason,
      raisedById: viewer.userId,
    });
    return findFlag(tx, patient, id);
  },
);

/** Clinicians on the team: OPEN → ACKNOWLEDGED; ConflictError (409) from any other state. */
export async function acknowledgeSafetyFlag(
  viewer: Viewer,
  patientId: string,
  flagId: string,
): Promise<SafetyFlag> {
  return withPatientAccess(
    viewer,
    patientId,
    manage('acknowledge', flagId),
    async (tx, patient) => {
      await acknowledgeSafetyFlagTx(tx, { id: viewer.userId, name: viewer.name }, patient, flagId);
      return findFlag(tx, patient, flagId);
    },
  );
}

/**
 * Clinicians on the team: ACKNOWLEDGED → RESOLVED with an outcome and a note (both required, a
 * 400 that changes nothing without them); ConflictError (409) from any other state.
 */
export async function resolveSafetyFlag(
  viewer: Viewer,
  patientId: string,
  flagId: string,
  input: z.input<typeof ResolveSafetyFlagInput>,
): Promise<SafetyFlag> {
  const resolution = parseInput(ResolveSafetyFlagInput, input);
  return withPatientAccess(viewer, patientId, manage('resolve', flagId), async (tx, patient) => {
    const clinician = { id: viewer.userId, name: viewer.name };
    await resolveSafetyFlagTx(tx, clinician, patient, flagId, resolution);
    return findFlag(tx, patient, flagId);
  });
}

/** How long after it was raised a resolved flag's "seen" still shows on the patient's pages. */
export const SEEN_STATUS_DAYS = 14;

export type SafetyFlagStatusSummary = {
  /** WAITING while any recent flag is unacknowledged, SEEN once all are; null when none. */
  status: PatientFlagStatus | null;
  /** When the newest of them was raised. */
  raisedAt: string | null;
};

/**
 * The patient alone (safetyFlag.readStatus), for My care and the questionnaires page: whether the
 * care team has seen what their recent answers raised (unresolved flags, and any raised in the
 * last SEEN_STATUS_DAYS days). Status only: never the reason, who, the outcome or the note.
 */
export async function getSafetyFlagStatus(
  viewer: Viewer,
  patientId: string,
  now: Date = new Date(),
): Promise<SafetyFlagStatusSummary> {
  const access: PatientAccess = {
    permission: 'safetyFlag.readStatus',
    action: 'read',
    resourceType: 'safetyFlag',
  };
  return withPatientAccess(viewer, patientId, access, async (tx, patient) => {
    const since = new Date(now.getTime() - SEEN_STATUS_DAYS * 86_400_000);
    const rows = await tx.safetyFlag.findMany({
      where: {
        AND: [
          answerFlagsWhere(patient),
          { OR: [{ status: { not: 'RESOLVED' } }, { raisedAt: { gte: since } }] },
        ],
      },
      orderBy: [{ raisedAt: 'desc' }, { id: 'desc' }],
      take: 20,
      select: patientStatusSelect,
    });
    if (rows.length === 0) return { status: null, raisedAt: null };
    const waiting = rows.some((row) => patientStatusOf(row.status) === 'WAITING');
    return { status: waiting ? 'WAITING' : 'SEEN', raisedAt: rows[0]!.raisedAt.toISOString() };
  });
}
