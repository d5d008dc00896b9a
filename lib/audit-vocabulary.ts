// The nouns and verbs of the audit trail, and how a patient reads them. lib/data writes only these
// (AuditEntry and PatientAccess are typed with them), and "who viewed my record", in the API and
// on the page, says each one in plain words from here: a noun added to the union does not compile
// until it has its words.

import type { AuditOutcome, Role } from '@/lib/schemas/enums';

/** Every resource type lib/data records in the audit trail. */
export const AUDIT_RESOURCE_TYPES = [
  'patient',
  'careTeam',
  'user',
  'passwordSetLink',
  'session',
  'accessLog',
  'auditEvent',
  'treatmentPlan',
  'treatmentPlanVersion',
  'planComment',
  'medication',
  'medicationChange',
  'sessionNote',
  'sessionNoteAddendum',
  'psychotherapyNote',
  'checkIn',
  'assessment',
  'careTeamMessage',
  'brief',
  'chartOverview',
  'chartHeader',
  'careSummary',
  'caseload',
  'timeline',
  'trends',
  'secondFactor',
  'organization',
  'safetyFlag',
  'contact',
  'safetyPlan',
  'notification',
  'conversation',
  'reminderSettings',
  'emailOutbox',
  'job',
  'appointment',
  'calendarFeed',
  // The patient's whole record, downloaded (docs/decisions/032-record-export.md).
  'recordPdf',
  'recordFhir',
] as const;
/** A noun of the audit trail: what an event is about. */
export type AuditResource = (typeof AUDIT_RESOURCE_TYPES)[number];
/** The same union, by the name lib/api/handler.ts imports it (to go once it imports AuditResource). */
export type AuditResourceType = AuditResource;

/** Whether a stored resource type is one of today's nouns (rows outlive the vocabulary). */
export function isAuditResource(value: string): value is AuditResource {
  return Object.hasOwn(PATIENT_WORDS, value);
}

/** Every action lib/data records in the audit trail. */
export const AUDIT_ACTIONS = [
  'read',
  'list',
  'create',
  'update',
  'sign',
  'withhold',
  'acknowledge',
  'comment',
  'requestReview',
  'resolveReview',
  'sign-in',
  'sign-out',
  'delete',
  'resolve',
  'retry',
  // The system emailed the care team and admins about an urgent safety flag nobody acknowledged.
  'escalate',
  // Appointments: cancelled by the clinic; the patient asked to cancel or to move one.
  'cancel',
  'requestChange',
  // A clinician's calendar feed: its secret link made anew or switched off.
  'revoke',
  // The patient downloaded their record (a read, said as a download).
  'export',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * SECURITY: psychotherapy notes (HIPAA 45 CFR 164.501) never appear in any list, log or count
 * seen by anyone but their author (docs/decisions/010-psychotherapy-notes.md); their audit events are left out of every view.
 */
export const PSYCHOTHERAPY_NOTE_RESOURCE = 'psychotherapyNote' satisfies AuditResource;

/**
 * SECURITY (a withheld note is not shown to the patient, and nothing tells them so):
 * the actions the patient's access log leaves out. The admin's audit trail keeps them.
 */
export const HIDDEN_FROM_PATIENT_ACTIONS = ['withhold'] as const satisfies readonly AuditAction[];

/**
 * What each resource is, said to the patient whose record it is ("who viewed my record", in the
 * API and on the page). Keyed by every noun, so a noun added to AuditResource does not compile
 * until it has its words. null: never shown to the patient (psychotherapy notes, above).
 */
export const PATIENT_WORDS = {
  patient: 'your profile and care team',
  careTeam: 'your care team',
  user: 'your account',
  passwordSetLink: 'a link to set your password',
  session: 'your sign-in',
  accessLog: 'the list of who viewed your record',
  auditEvent: 'the audit trail of your record',
  treatmentPlan: 'your treatment plan',
  treatmentPlanVersion: 'earlier versions of your treatment plan',
  planComment: 'comments on your treatment plan',
  medication: 'your medications',
  medicationChange: 'your medication history',
  sessionNote: 'your session notes',
  sessionNoteAddendum: 'additions to your session notes',
  checkIn: 'your check-ins',
  assessment: 'your questionnaires (PHQ-9, GAD-7)',
  careTeamMessage: 'your care team’s messages about you',
  brief: 'a summary of your recent changes',
  chartOverview: 'the overview of your chart (medications and scores)',
  chartHeader: 'your chart (name, age, care team and alerts)',
  careSummary: 'your care summary',
  caseload: 'your line in their list of patients (latest check-in and PHQ-9)',
  timeline: 'your record’s timeline',
  trends: 'your check-in and questionnaire trends',
  // A clinician's or admin's own account settings: never about a patient's record.
  secondFactor: 'two-step sign-in',
  organization: 'the clinic’s settings',
  safetyFlag: 'the safety alerts in your record',
  contact: 'your phone number and emergency contact',
  safetyPlan: 'your safety plan',
  // A person's own inbox: never about the patient's record as such.
  notification: 'their notifications',
  conversation: 'your messages with your care team',
  reminderSettings: 'your reminder settings',
  // The clinic's own tools: never about one patient's record.
  emailOutbox: 'the clinic’s outgoing emails',
  job: 'the clinic’s background tasks',
  appointment: 'your appointments',
  // A clinician's own calendar feed (initials and kinds of visit): never one patient's record.
  calendarFeed: 'their calendar feed',
  recordPdf: 'your record as a PDF',
  recordFhir: 'your record as a FHIR file (for another clinic)',
  psychotherapyNote: null,
} as const satisfies Record<AuditResource, string | null>;

// Allowed changes that read better as their own words than "changed <noun>".
const CHANGE_WORDS: Partial<Record<`${AuditAction}:${AuditResource}`, string>> = {
  'create:careTeam': 'added a clinician to your care team',
  'update:careTeam': 'ended a clinician’s place on your care team',
  'create:user': 'created your account',
  'update:user': 'changed your account',
  'create:passwordSetLink': 'made you a new link to set your password',
  'create:medicationChange': 'recorded a change to your medications',
  'create:sessionNote': 'started a session note',
  'sign:sessionNote': 'signed a session note',
  'create:sessionNoteAddendum': 'added to one of your session notes',
  'create:checkIn': 'checked in',
  'create:assessment': 'completed a questionnaire',
  'create:careTeamMessage': 'wrote to your care team about you',
  'acknowledge:treatmentPlan': 'acknowledged your treatment plan',
  'comment:treatmentPlan': 'commented on your treatment plan',
  'requestReview:treatmentPlan': 'asked for a review of your treatment plan',
  'resolveReview:treatmentPlan': 'resolved your request for a plan review',
  'update:treatmentPlan': 'updated your treatment plan',
  'sign-in:session': 'signed in',
  'sign-out:session': 'signed out',
  'create:safetyFlag': 'raised a safety alert for your care team',
  'acknowledge:safetyFlag': 'saw a safety alert and is following up',
  'resolve:safetyFlag': 'closed a safety alert after following up',
  'escalate:safetyFlag':
    'emailed your care team and the clinic’s administrators because a safety alert was not seen yet',
  'update:contact': 'updated your phone number or emergency contact',
  'update:safetyPlan': 'updated your safety plan',
  'create:conversation': 'wrote in your messages with your care team',
  'update:reminderSettings': 'changed your reminders',
  'create:appointment': 'booked an appointment for you',
  'update:appointment': 'changed one of your appointments',
  'cancel:appointment': 'cancelled one of your appointments',
  'requestChange:appointment': 'asked to cancel or move an appointment',
};

/** Actions only the system takes (no actor): said as done by "Triad". */
const SYSTEM_ACTIONS: ReadonlySet<string> = new Set<AuditAction>(['escalate']);

const READS: ReadonlySet<string> = new Set<AuditAction>(['read', 'list']);
const ACTIONS: ReadonlySet<string> = new Set(AUDIT_ACTIONS);

/** An audit event as the patient's log reads it (action and type are the stored strings). */
export type AuditFacts = {
  action: string;
  resourceType: string;
  outcome: AuditOutcome;
  actorName: string | null;
  actorRole: Role | null;
  /** The patient themself did it. */
  isSelf: boolean;
};

/** One access in plain words, addressed to the patient. */
export type AccessWords = {
  /** "You", "Elena Rivera". */
  who: string;
  /** "your prescriber", "an administrator"; null for the patient themself. */
  role: string | null;
  /** Continues the sentence: "viewed your session notes". */
  did: string;
  /** "Elena Rivera, your prescriber, viewed your session notes." */
  summary: string;
  outcome: 'went through' | 'refused' | 'did not go through';
};

/**
 * Who did it, as the patient would say it. Only a clinician on the patient's care team can be
 * allowed in, so an allowed clinician is "your" prescriber or therapist; a refused one may not be
 * on the team, so is "a" prescriber.
 */
export function whoDidIt(facts: AuditFacts): { who: string; role: string | null } {
  if (facts.isSelf) return { who: 'You', role: null };
  // Written by Triad itself (a background task), not by a person.
  if (facts.actorRole === null && facts.actorName === null && SYSTEM_ACTIONS.has(facts.action)) {
    return { who: 'Triad', role: null };
  }
  const who = facts.actorName ?? 'Someone we could not identify';
  const allowed = facts.outcome === 'ALLOWED';
  switch (facts.actorRole) {
    case 'PRESCRIBER':
      return { who, role: allowed ? 'your prescriber' : 'a prescriber' };
    case 'THERAPIST':
      return { who, role: allowed ? 'your therapist' : 'a therapist' };
    case 'ADMIN':
      return { who, role: 'an administrator' };
    case 'PATIENT':
      return { who, role: 'a patient' };
    default:
      return { who, role: null };
  }
}

/** What a resource is, in the patient's words; an unknown (older or newer) noun is "your record". */
export function patientNoun(resourceType: string): string {
  // An event written before today's nouns (or by a newer version) still reads as plain words.
  return (isAuditResource(resourceType) && PATIENT_WORDS[resourceType]) || 'your record';
}

/** A read (view or list): "looked at" in a visit; anything else is a change. */
export function isReadAction(action: string): boolean {
  return READS.has(action);
}

/**
 * HOOK (issue 17, exports): the actions that hand a copy of the record out of Triad. Whatever the
 * exports record (these stored strings, before or after they join AUDIT_ACTIONS), the patient
 * reads "downloaded your record", never "changed".
 */
export const DOWNLOAD_ACTIONS: ReadonlySet<string> = new Set(['export', 'download']);

function whatWasDone(facts: AuditFacts): string {
  const resource = isAuditResource(facts.resourceType) ? facts.resourceType : null;
  const action = ACTIONS.has(facts.action) ? (facts.action as AuditAction) : null;
  const isDownload = DOWNLOAD_ACTIONS.has(facts.action);
  // A download names what was taken ("your record (PDF)"), or "your record".
  const noun = patientNoun(facts.resourceType);
  const isRead = READS.has(facts.action);
  const verb = isRead ? 'view' : isDownload ? 'download' : 'change';
  if (facts.outcome === 'DENIED') {
    return `tried to ${verb} ${noun} and ${facts.isSelf ? 'were' : 'was'} refused`;
  }
  if (facts.outcome === 'FAILED') return `tried to ${verb} ${noun}, but it did not go through`;
  if (isRead) return `viewed ${noun}`;
  if (isDownload) return `downloaded ${noun}`;
  const change = action && resource ? CHANGE_WORDS[`${action}:${resource}`] : undefined;
  return change ?? `changed ${noun}`;
}

const OUTCOME_WORDS = {
  ALLOWED: 'went through',
  DENIED: 'refused',
  FAILED: 'did not go through',
} as const satisfies Record<AuditFacts['outcome'], AccessWords['outcome']>;

/** One access, in the words the patient reads (API and page alike). */
export function accessInWords(facts: AuditFacts): AccessWords {
  const { who, role } = whoDidIt(facts);
  const did = whatWasDone(facts);
  return {
    who,
    role,
    did,
    summary: `${who}${role ? `, ${role},` : ''} ${did}.`,
    outcome: OUTCOME_WORDS[facts.outcome],
  };
}
