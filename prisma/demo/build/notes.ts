// Progress notes (with addenda), psychotherapy notes and care-team messages.
import { notifyCareTeamMessage } from '@/lib/data/notifications/events';
import type {
  CareTeamMessage,
  PsychotherapyNote,
  SessionNote,
  SessionNoteAddendum,
  SessionNoteFormat,
  SessionNoteKind,
} from '@/prisma/generated/client';
import { signSessionNoteTx, withholdSessionNoteTx } from '@/lib/data/session-notes/sign';
import type { FactoryDb, PatientRef, UserRef } from './accounts';
import { dateOnly, nextStamp } from './dates';

export type DapBody = { data: string; assessment: string; plan: string };
export type SoapBody = { subjective: string; objective: string; assessment: string; plan: string };

export type AddendumSpec = string | { body: string; author?: UserRef; createdAt?: Date };

export type SessionNoteWithAddenda = SessionNote & { addenda: SessionNoteAddendum[] };

const DEFAULT_DAP: DapBody = {
  data: 'Reports mood 5/10, sleeping about 6 hours. Completed two of three activity-scheduling tasks.',
  assessment: 'Engaged; early gains in activation. Avoidance of social plans persists.',
  plan: 'Continue weekly CBT. Add one social activity to the schedule. Review thought record.',
};

const DEFAULT_SOAP: SoapBody = {
  subjective: 'Mood somewhat better. Mild nausea in the first week, now resolved.',
  objective: 'Calm, good eye contact, linear thought process. Denies SI/HI.',
  assessment: 'Partial response to current dose, well tolerated.',
  plan: 'Continue current dose. Recheck PHQ-9 in two weeks. Follow up in four weeks.',
};

/**
 * A progress note. Kind and format follow the author's role unless given (prescriber:
 * medication management, SOAP; therapist: therapy, DAP). Draft unless `status: 'SIGNED'`;
 * signed and withheld through the API's own writes (signSessionNoteTx, withholdSessionNoteTx).
 */
export async function createSessionNote(
  db: FactoryDb,
  patient: PatientRef,
  author: UserRef,
  options: {
    kind?: SessionNoteKind;
    format?: SessionNoteFormat;
    sessionDate?: Date;
    body?: DapBody | SoapBody;
    status?: 'DRAFT' | 'SIGNED';
    signedAt?: Date;
    withheldReason?: string;
    withheldAt?: Date;
    addenda?: AddendumSpec[];
    createdAt?: Date;
  } = {},
): Promise<SessionNoteWithAddenda> {
  const kind = options.kind ?? (author.role === 'PRESCRIBER' ? 'MEDICATION_MANAGEMENT' : 'THERAPY');
  const format = options.format ?? (kind === 'MEDICATION_MANAGEMENT' ? 'SOAP' : 'DAP');
  const status = options.status ?? 'DRAFT';
  const createdAt = options.createdAt ?? nextStamp();
  const draft = await db.sessionNote.create({
    data: {
      organizationId: patient.organizationId,
      patientId: patient.id,
      authorId: author.id,
      kind,
      format,
      sessionDate: options.sessionDate ?? dateOnly(),
      body: options.body ?? (format === 'SOAP' ? DEFAULT_SOAP : DEFAULT_DAP),
      status: 'DRAFT',
      createdAt,
      updatedAt: createdAt,
    },
  });
  // Signed and withheld as the API signs and withholds (the author's own writes, at their times).
  const by = { userId: author.id };
  if (status === 'SIGNED') {
    const signedAt = options.signedAt ?? createdAt;
    await signSessionNoteTx(db, by, patient, draft, signedAt);
    if (options.withheldReason) {
      const signed = { id: draft.id, status: 'SIGNED' };
      const at = options.withheldAt ?? signedAt;
      await withholdSessionNoteTx(db, by, patient, signed, options.withheldReason, at);
    }
  }
  const note = await db.sessionNote.findUniqueOrThrow({ where: { id: draft.id } });
  const addenda: SessionNoteAddendum[] = [];
  for (const spec of options.addenda ?? []) {
    const addendum = typeof spec === 'string' ? { body: spec } : spec;
    addenda.push(
      await db.sessionNoteAddendum.create({
        data: {
          organizationId: patient.organizationId,
          patientId: patient.id,
          noteId: note.id,
          authorId: (addendum.author ?? author).id,
          body: addendum.body,
          createdAt: addendum.createdAt ?? nextStamp(),
        },
      }),
    );
  }
  return { ...note, addenda };
}

export async function createPsychotherapyNote(
  db: FactoryDb,
  patient: PatientRef,
  author: UserRef,
  options: { body?: string; sessionDate?: Date | null; createdAt?: Date } = {},
): Promise<PsychotherapyNote> {
  const createdAt = options.createdAt ?? nextStamp();
  return db.psychotherapyNote.create({
    data: {
      organizationId: patient.organizationId,
      patientId: patient.id,
      authorId: author.id,
      sessionDate: options.sessionDate === undefined ? dateOnly() : options.sessionDate,
      body:
        options.body ??
        'Process: noticed a pull to reassure when the client minimized progress; sit with it next time.',
      createdAt,
      updatedAt: createdAt,
    },
  });
}

export async function createMessage(
  db: FactoryDb,
  patient: PatientRef,
  author: UserRef,
  options: { body?: string; createdAt?: Date } = {},
): Promise<CareTeamMessage> {
  const message = await db.careTeamMessage.create({
    data: {
      organizationId: patient.organizationId,
      patientId: patient.id,
      authorId: author.id,
      body:
        options.body ??
        'Heads up: dose increased today. Sleep may be lighter for a week or two; worth asking.',
      createdAt: options.createdAt ?? nextStamp(),
    },
    include: { author: { select: { name: true } } },
  });
  // The rest of the team is told, as the API tells them (lib/data/messages.ts).
  const { author: by, ...row } = message;
  await notifyCareTeamMessage(
    db,
    patient,
    { id: row.id, authorId: author.id, authorName: by.name },
    row.createdAt,
  );
  return row;
}
