// Changing visits inside the caller's transaction (docs/decisions/026-appointments.md): a move, a
// new length, kind, place or clinician, for one visit or "this and the following" of a series, and
// the status moving along. The API (./index.ts) wraps it with access, parsing and audit; the demo
// seed calls it directly. No 'server-only' and no db import.
//
// Every write claims the visit first by a compare-and-set of its version in SQL (If-Match: no lost
// update), then reads it again and checks the rules on what it is now. Writes that touch several
// visits or move one take the clinicians' locks BEFORE the claim, in one order, so two of them
// cannot deadlock on each other's rows.
import type { Tx } from '@/lib/db';
import type { ScopedPatient } from '@/lib/data/scope';
import { myCarePath, notifyTx } from '@/lib/data/notifications/notify';
import { assertTeamClinician, clashError } from '@/lib/data/appointments/book';
import { findClash, lockClinicians, type Slot } from '@/lib/data/appointments/shared';
import { rruleOfSplit, shiftOnWallClock, wallClockShift } from '@/lib/data/appointments/recurrence';
import {
  claim,
  endSeriesBefore,
  laterScheduled,
  patientZone,
  readVisit,
  requestCleared,
  statusWords,
  type ChangeContext,
  type Visit,
} from '@/lib/data/appointments/visits';
import { visitNoun, visitWhen } from '@/lib/data/appointments/words';
import { ConflictError, InvalidInputError } from '@/lib/errors';
import type { AppointmentChange, AppointmentModality } from '@/lib/schemas/appointments';

export type { ChangeContext } from '@/lib/data/appointments/visits';

const MINUTE = 60_000;

/** The fields that schedule a visit (changed only while it is SCHEDULED; `scope` applies to them). */
const SCHEDULE_FIELDS = [
  'startsAt',
  'durationMinutes',
  'kind',
  'modality',
  'location',
  'videoUrl',
  'clinicianId',
] as const;

type Place = { modality: AppointmentModality; location: string | null; videoUrl: string | null };

/**
 * The place a visit has after `change`, merged with what it has: IN_PERSON keeps its location and
 * needs one, VIDEO its link; a place the modality does not use is dropped when the modality moves
 * away from it, refused when sent (400 on the field).
 */
function mergePlace(visit: Place, change: AppointmentChange): Place {
  const modality = change.modality ?? visit.modality;
  const keep = (field: 'location' | 'videoUrl', uses: boolean) =>
    change[field] !== undefined ? change[field] : uses ? visit[field] : null;
  const location = keep('location', modality === 'IN_PERSON');
  const videoUrl = keep('videoUrl', modality === 'VIDEO');
  if (modality === 'IN_PERSON' && !location) {
    throw InvalidInputError.field('location', 'Say where the visit is.');
  }
  if (modality === 'VIDEO' && !videoUrl) {
    throw InvalidInputError.field('videoUrl', 'Add the link to join the video visit.');
  }
  if (modality !== 'IN_PERSON' && location) {
    throw InvalidInputError.field('location', 'Only an in-person visit has a location.');
  }
  if (modality !== 'VIDEO' && videoUrl) {
    throw InvalidInputError.field('videoUrl', 'Only a video visit has a link.');
  }
  return { modality, location, videoUrl };
}

/** "by video", "by phone", "in person at Room 2": a place in a sentence. */
function placeWords(place: Place): string {
  if (place.modality === 'VIDEO') return 'by video';
  if (place.modality === 'PHONE') return 'by phone';
  return `in person at ${place.location}`;
}

/**
 * PATCH a visit of `patient` at `expectedVersion` (else StalePlanError, 412): move it, change its
 * length, kind, place or clinician (only while SCHEDULED, else 409), or move its status along
 * (SCHEDULED → CHECKED_IN → COMPLETED, or NO_SHOW; COMPLETED and NO_SHOW once it has started;
 * final states are final, 409). `scope` FOLLOWING applies a schedule change to this visit and the
 * later SCHEDULED visits of its series, which split off into a new series; a time change moves
 * each by the same wall-clock shift on the series' clock. Any overlap with another visit of the
 * clinician: 409 and nothing changes. Any change clears the patient's open request; a move, a new
 * clinician or a new place tells the patient.
 */
export async function changeAppointmentTx(
  tx: Tx,
  patient: ScopedPatient,
  appointmentId: string,
  expectedVersion: number,
  change: AppointmentChange,
  context: ChangeContext,
): Promise<void> {
  const at = context.at ?? new Date();
  const scheduling = SCHEDULE_FIELDS.filter((field) => change[field] !== undefined);
  if (change.status === undefined && scheduling.length === 0) {
    throw new InvalidInputError(
      [],
      'Nothing to change: send a time, length, kind, place, clinician or status.',
    );
  }
  if (change.status !== undefined && scheduling.length > 0) {
    throw InvalidInputError.field(
      'status',
      'Change the status on its own, not with the time or place.',
    );
  }
  if (change.status !== undefined) {
    await claim(tx, patient, appointmentId, expectedVersion, at);
    return moveStatus(tx, patient, await readVisit(tx, patient, appointmentId), change.status, at);
  }

  // Lock every clinician concerned before claiming any row (see the top of this file).
  const following = change.scope === 'FOLLOWING';
  const before = await readVisit(tx, patient, appointmentId);
  const guess = following ? await laterScheduled(tx, patient, before) : [];
  const locked = new Set([before.clinicianId, ...guess.map((v) => v.clinicianId)]);
  if (change.clinicianId) locked.add(change.clinicianId);
  await lockClinicians(tx, [...locked]);
  await claim(tx, patient, appointmentId, expectedVersion, at);

  const visit = await readVisit(tx, patient, appointmentId);
  if (visit.status !== 'SCHEDULED') {
    throw new ConflictError(
      `Only a scheduled visit can be moved or changed: this one is ${statusWords(visit.status)}.`,
      scheduling[0],
    );
  }
  const later = following ? await laterScheduled(tx, patient, visit) : [];
  const unlocked = later.map((v) => v.clinicianId).filter((id) => !locked.has(id));
  if (unlocked.length) await lockClinicians(tx, unlocked);
  if (change.clinicianId) await assertTeamClinician(tx, patient, change.clinicianId);

  const zone = visit.series?.timeZone ?? context.timeZone ?? 'UTC';
  const plans = planChange(zone, visit, later, change);
  if (change.startsAt || change.durationMinutes || change.clinicianId) {
    await assertFree(tx, patient, plans, zone);
  }
  const seriesId = following ? await splitSeries(tx, patient, visit, plans, at) : null;
  for (const plan of plans) {
    await tx.appointment.update({
      where: { id: plan.target.id, organizationId: patient.organizationId },
      data: {
        startsAt: plan.startsAt,
        endsAt: plan.endsAt,
        clinicianId: plan.clinicianId,
        kind: change.kind ?? plan.target.kind,
        ...plan.place,
        ...(seriesId ? { seriesId } : {}),
        ...requestCleared,
        updatedAt: at,
        // The claimed visit's version moved already.
        ...(plan.target.id === visit.id ? {} : { version: { increment: 1 } }),
      },
    });
  }
  await tellPatient(tx, patient, visit, plans, change, zone, context.actorId, at);
}

/** What one visit becomes. */
type Plan = Slot & { target: Visit; clinicianId: string; place: Place };

/**
 * What `visit` and the `later` visits of its series become: this one starts at the new start, the
 * others move by the same wall-clock shift on the clock of `zone`; a new length, clinician or
 * place applies to each.
 */
function planChange(zone: string, visit: Visit, later: Visit[], change: AppointmentChange): Plan[] {
  const newStart = change.startsAt ? new Date(change.startsAt) : visit.startsAt;
  const shift = wallClockShift(zone, visit.startsAt, newStart);
  return [visit, ...later].map((target) => {
    const startsAt =
      target === visit
        ? newStart
        : change.startsAt
          ? shiftOnWallClock(zone, target.startsAt, shift)
          : target.startsAt;
    const minutes =
      change.durationMinutes ?? (target.endsAt.getTime() - target.startsAt.getTime()) / MINUTE;
    return {
      target,
      startsAt,
      endsAt: new Date(startsAt.getTime() + minutes * MINUTE),
      clinicianId: change.clinicianId ?? target.clinicianId,
      place: mergePlace(target, change),
    };
  });
}

/** Under the clinicians' locks: any plan overlapping another visit of its clinician is a 409. */
async function assertFree(tx: Tx, patient: ScopedPatient, plans: Plan[], zone: string) {
  const ids = plans.map((plan) => plan.target.id);
  const byClinician = new Map<string, Slot[]>();
  for (const plan of plans) {
    byClinician.set(plan.clinicianId, [...(byClinician.get(plan.clinicianId) ?? []), plan]);
  }
  for (const [clinicianId, slots] of byClinician) {
    const clash = await findClash(tx, patient.organizationId, clinicianId, slots, ids);
    if (clash) throw clashError(clash.slot, zone);
  }
}

/**
 * "This and the following" on a series: the old series' rule ends before `visit`, the changed
 * visits become a new series (same clock, the rule rewritten for them); the new series' id. When
 * nothing stays behind, the series itself is what changes (null: the visits keep it).
 */
async function splitSeries(
  tx: Tx,
  patient: ScopedPatient,
  visit: Visit,
  plans: Plan[],
  at: Date,
): Promise<string | null> {
  if (!visit.series) return null;
  const rrule = rruleOfSplit(visit.series.rrule, plans.length, plans[plans.length - 1]!.startsAt);
  const clinicianId = plans[0]!.clinicianId;
  const kept = await endSeriesBefore(tx, patient, visit.series, visit.startsAt);
  if (kept === 0) {
    await tx.appointmentSeries.updateMany({
      where: { id: visit.series.id, organizationId: patient.organizationId },
      data: { rrule, clinicianId },
    });
    return null;
  }
  const created = await tx.appointmentSeries.create({
    data: {
      organizationId: patient.organizationId,
      patientId: patient.id,
      clinicianId,
      rrule,
      timeZone: visit.series.timeZone,
      createdAt: at,
    },
    select: { id: true },
  });
  return created.id;
}

/** A move, a new clinician or a new place: one inbox item for the patient, on their own clock. */
async function tellPatient(
  tx: Tx,
  patient: ScopedPatient,
  visit: Visit,
  plans: Plan[],
  change: AppointmentChange,
  zone: string,
  actorId: string,
  at: Date,
) {
  const first = plans[0]!;
  const moved = first.startsAt.getTime() !== visit.startsAt.getTime();
  const newClinician = first.clinicianId !== visit.clinicianId;
  const newPlace =
    first.place.modality !== visit.modality ||
    first.place.location !== visit.location ||
    first.place.videoUrl !== visit.videoUrl;
  if (!moved && !newClinician && !newPlace) return;

  const clock = await patientZone(tx, patient, zone);
  const details: string[] = [];
  if (newClinician) {
    const clinician = await tx.user.findFirst({
      where: { id: first.clinicianId, organizationId: patient.organizationId },
      select: { name: true },
    });
    details.push(`with ${clinician?.name ?? 'another clinician'}`);
  }
  if (newPlace) details.push(placeWords(first.place));
  const many = plans.length > 1;
  const noun = visitNoun(change.kind ?? visit.kind);
  const subject = many
    ? `Your ${noun}s from ${visitWhen(visit.startsAt, clock)} on`
    : `Your ${noun} on ${visitWhen(visit.startsAt, clock)}`;
  const now = details.join(', ');
  const newWhen = visitWhen(first.startsAt, clock);
  const summary = moved
    ? (many
        ? `${subject} have moved: the next is on ${newWhen}.`
        : `${subject} has moved to ${newWhen}.`) +
      (now ? ` ${many ? 'They are' : 'It is'} now ${now}.` : '')
    : `${subject} ${many ? 'are' : 'is'} now ${now}.`;
  await notifyTx(
    tx,
    patient,
    { patient: true },
    {
      kind: 'APPOINTMENT_UPDATED',
      patientSummary: summary,
      patientLink: myCarePath('/appointments'),
      subjectId: visit.id,
      actorId,
      at,
    },
  );
}

/** Whether a visit in `from` may move to `to`; COMPLETED and NO_SHOW once it has started. */
async function moveStatus(
  tx: Tx,
  patient: ScopedPatient,
  visit: Visit,
  to: NonNullable<AppointmentChange['status']>,
  at: Date,
): Promise<void> {
  const from = visit.status;
  if (from === 'COMPLETED' || from === 'NO_SHOW' || from === 'CANCELLED') {
    throw new ConflictError(
      `This visit is ${statusWords(from)}: that is final, it cannot change any more.`,
      'status',
    );
  }
  if (to === 'CHECKED_IN' && from !== 'SCHEDULED') {
    throw new ConflictError('This visit is checked in already.', 'status');
  }
  if ((to === 'COMPLETED' || to === 'NO_SHOW') && visit.startsAt.getTime() > at.getTime()) {
    throw new ConflictError(
      `This visit has not started yet: it can be marked ${statusWords(to)} once it has.`,
      'status',
    );
  }
  await tx.appointment.update({
    where: { id: visit.id, organizationId: patient.organizationId },
    data: {
      status: to,
      ...(to === 'CHECKED_IN' ? { checkedInAt: at } : {}),
      ...(to === 'COMPLETED' ? { completedAt: at } : {}),
      ...requestCleared,
      updatedAt: at,
    },
  });
}
