// SECURITY: every refusal on a patient-scoped route is audited (docs/decisions/007-audit-trail.md).
// Those refused before reaching lib/data (a body or query that fails validation, a malformed path
// id, a missing If-Match) are recorded here, once: lib/data marks those it recorded itself.
import 'server-only';
import type { NextRequest } from 'next/server';
import type { Viewer } from '@/lib/auth/viewer';
import type { AuditAction, AuditResourceType } from '@/lib/audit-vocabulary';
import { isAudited } from '@/lib/data/audit';
import { recordAppointmentRefusal } from '@/lib/data/appointments/access';
import { recordRefusal, type Refusal } from '@/lib/data/patient-access';

const ACTIONS: Partial<Record<string, AuditAction>> = {
  GET: 'read',
  POST: 'create',
  PUT: 'update',
  PATCH: 'update',
};

// An appointment's steps are audited as themselves (lib/data/appointments), refused or not.
const APPOINTMENT_STEPS: Partial<Record<string, AuditAction>> = {
  cancel: 'cancel',
  request: 'requestChange',
};

// The audit trail's noun for each section of a patient's API (`/api/v1/patients/{id}/<section>`).
const SECTION_RESOURCES: Partial<Record<string, AuditResourceType>> = {
  'access-log': 'accessLog',
  appointments: 'appointment',
  assessments: 'assessment',
  brief: 'brief',
  'care-team': 'careTeam',
  'check-ins': 'checkIn',
  contact: 'contact',
  conversation: 'conversation',
  'medication-changes': 'medicationChange',
  medications: 'medication',
  messages: 'careTeamMessage',
  'psychotherapy-notes': 'psychotherapyNote',
  reminders: 'reminderSettings',
  'safety-flags': 'safetyFlag',
  'safety-plan': 'safetyPlan',
  'session-notes': 'sessionNote',
  timeline: 'timeline',
  'treatment-plan': 'treatmentPlan',
};

// The record's downloads (`/api/v1/patients/{id}/export/<format>`), each its own noun.
const EXPORT_RESOURCES: Partial<Record<string, AuditResourceType>> = {
  pdf: 'recordPdf',
  fhir: 'recordFhir',
};

/**
 * The audit resource type of a path under `/api/v1/patients/{patientId}` (`patient` for the
 * patient's own), undefined for a section this table does not know (a test keeps it complete).
 */
export function auditResourceOfPath(path: string): AuditResourceType | undefined {
  const segments = path.split('/');
  const at = segments.indexOf('patients') + 2;
  const section = segments[at];
  if (section === undefined) return 'patient';
  if (section === 'export') return own(EXPORT_RESOURCES, segments[at + 1]);
  return own(SECTION_RESOURCES, section);
}

// A safety flag's steps are audited as themselves, refused or not (a refused resolve is no create).
const FLAG_STEPS: Partial<Record<string, AuditAction>> = {
  acknowledge: 'acknowledge',
  resolve: 'resolve',
};

/** SECURITY: a table's own entry for a path segment: `__proto__` or `constructor` is none. */
function own<T>(table: Partial<Record<string, T>>, key: string | undefined): T | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

function stepOf(request: NextRequest): AuditAction | undefined {
  const segments = request.nextUrl.pathname.split('/');
  // A refused download is audited as the export it asked for (lib/data/record-export).
  if (segments.at(-2) === 'export') return 'export';
  if (request.method !== 'POST') return undefined;
  // Marking the conversation read is audited as a read of it (lib/data/conversation), refused or not.
  if (segments.at(-2) === 'conversation' && segments.at(-1) === 'read') return 'read';
  if (!segments.includes('safety-flags')) return undefined;
  return own(FLAG_STEPS, segments.at(-1));
}

/** The refusal of a request on a patient-scoped route (`/api/v1/patients/{patientId}/...`). */
function refusalOf(request: NextRequest, params: Record<string, unknown>, status: number): Refusal {
  const other = Object.entries(params).find(
    ([name]) => name !== 'patientId' && name.endsWith('Id'),
  );
  return {
    requestedPatientId: String(params.patientId),
    resourceId: typeof other?.[1] === 'string' ? other[1] : undefined,
    action: stepOf(request) ?? own(ACTIONS, request.method) ?? 'update',
    resourceType: auditResourceOfPath(request.nextUrl.pathname) ?? 'patient',
    status,
  };
}

/**
 * Records a refusal (4xx other than 401) answered to a signed-in viewer on a patient-scoped
 * route or an appointment's, unless lib/data recorded it already.
 */
export async function auditRefusal(
  error: unknown,
  status: number,
  request: NextRequest,
  viewer: Viewer | null,
  params: object | undefined,
): Promise<void> {
  const isRefusal = status >= 400 && status < 500 && status !== 401;
  if (!viewer || !isRefusal || isAudited(error) || !params) return;
  if ('patientId' in params) {
    await recordRefusal(viewer, refusalOf(request, params as Record<string, unknown>, status));
  } else if ('appointmentId' in params) {
    const step = own(APPOINTMENT_STEPS, request.nextUrl.pathname.split('/').at(-1));
    const action = step ?? own(ACTIONS, request.method) ?? 'update';
    await recordAppointmentRefusal(viewer, String(params.appointmentId), action, status);
  }
}
