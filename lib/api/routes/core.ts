// Sessions, patients, the audit trail and administration.
import { defineRoute } from '@/lib/api/define-route';
import { listAccessLog } from '@/lib/data/access-log';
import { listAccessLogVisits } from '@/lib/data/access-log-visits';
import {
  addCareTeamMember,
  createAccount,
  disableAccount,
  endCareTeamMembership,
  listUsers,
  setPasswordWithToken,
} from '@/lib/data/admin';
import { listAuditEvents } from '@/lib/data/audit-events';
import { getPatient, listPatients } from '@/lib/data/patients';
import { requestContextFrom } from '@/lib/http/request-context';
import {
  AccessLogPage,
  AccessLogQuery,
  AccessLogVisitPage,
  AccessLogVisitsQuery,
} from '@/lib/schemas/access-log';
import {
  AddCareTeamMemberInput,
  CareTeamMemberResult,
  CareTeamMembershipParams,
  CreateAccountInput,
  CreateAccountResult,
  DisableAccountResult,
  SetPasswordInput,
  UserList,
  UserListQuery,
  UserParams,
} from '@/lib/schemas/admin';
import { AuditEventPage, AuditEventQuery } from '@/lib/schemas/audit-events';
import { Me } from '@/lib/schemas/me';
import {
  PatientList,
  PatientListQuery,
  PatientParams,
  PatientProfile,
} from '@/lib/schemas/patients';

const CARE_TEAM_ADMINS =
  'Admins of the organization; others who can see the patient get 403, anyone else 404.';
/** Organization administration: admins only. */
const admins = { tag: 'Administration', who: 'Admins.', permission: 'user.manage' } as const;

/** The routes of the core API. */
export const coreRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/me',
    tag: 'Session',
    summary: 'The signed-in account',
    who: 'Anyone signed in.',
    // Served while a second factor must still be set up, so a client can learn who it is.
    duringEnrolment: true,
    success: { status: 200, description: 'The account.', schema: Me },
    handler: async ({ viewer }): Promise<Me> => ({
      id: viewer.userId,
      name: viewer.name,
      email: viewer.email,
      role: viewer.role,
      organizationId: viewer.organizationId,
      ...(viewer.patientId ? { patientId: viewer.patientId } : {}),
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/patients',
    tag: 'Patients',
    summary: 'Patients in scope',
    who: 'All roles: a patient sees themself, a clinician their active care teams, an admin the organization.',
    permission: 'patient.list',
    query: PatientListQuery,
    success: { status: 200, description: 'A page of patients by name.', schema: PatientList },
    handler: ({ viewer, query }) => listPatients(viewer, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/patients/{patientId}',
    tag: 'Patients',
    summary: 'A patient’s profile and active care team',
    who: 'The patient, clinicians on their active care team, admins of the organization. Anyone else: 404.',
    permission: 'patient.read',
    params: PatientParams,
    success: { status: 200, description: 'The profile.', schema: PatientProfile },
    handler: ({ viewer, params }) => getPatient(viewer, params.patientId),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/patients/{patientId}/access-log',
    tag: 'Audit',
    summary: 'Who viewed or changed this patient’s record',
    who: 'The patient themself and admins of the organization; clinicians on the team get 403, anyone else 404.',
    permission: 'accessLog.read',
    params: PatientParams,
    query: AccessLogQuery,
    success: {
      status: 200,
      description: 'A page of accesses, newest first.',
      schema: AccessLogPage,
    },
    handler: ({ viewer, params, query }) => listAccessLog(viewer, params.patientId, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/patients/{patientId}/access-log/visits',
    tag: 'Audit',
    summary:
      'Who viewed or changed this patient’s record, a visit (one person, one sitting) at a time',
    who: 'The patient themself (their own visits left out) and admins of the organization (the patient’s own visits kept, marked byPatient); clinicians on the team get 403, anyone else 404.',
    permission: 'accessLog.read',
    params: PatientParams,
    query: AccessLogVisitsQuery,
    success: {
      status: 200,
      description:
        'A page of visits, newest first: a person’s accesses with no gap of 30 minutes or more, each with every access behind it, and the people who appear in the log.',
      schema: AccessLogVisitPage,
    },
    handler: ({ viewer, params, query }) => listAccessLogVisits(viewer, params.patientId, query),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/patients/{patientId}/care-team',
    idempotent: true,
    tag: 'Administration',
    summary: 'Add a clinician to the care team',
    who: CARE_TEAM_ADMINS,
    permission: 'careTeam.manage',
    params: PatientParams,
    body: AddCareTeamMemberInput,
    success: { status: 201, description: 'The new membership.', schema: CareTeamMemberResult },
    problems: [409],
    handler: async ({ viewer, params, body, idempotency }) => ({
      member: await addCareTeamMember(viewer, params.patientId, body, idempotency),
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/patients/{patientId}/care-team/{membershipId}/end',
    tag: 'Administration',
    summary: 'End a care-team membership',
    who: CARE_TEAM_ADMINS,
    permission: 'careTeam.manage',
    params: CareTeamMembershipParams,
    success: { status: 200, description: 'The ended membership.', schema: CareTeamMemberResult },
    problems: [409],
    handler: async ({ viewer, params }) => ({
      member: await endCareTeamMembership(viewer, params.patientId, params.membershipId),
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/audit-events',
    tag: 'Audit',
    summary: 'The organization’s audit trail',
    who: 'Admins.',
    permission: 'auditEvent.read',
    query: AuditEventQuery,
    success: {
      status: 200,
      description: 'A page of events, newest first.',
      schema: AuditEventPage,
    },
    handler: ({ viewer, query }) => listAuditEvents(viewer, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/users',
    ...admins,
    summary: 'The organization’s accounts',
    query: UserListQuery,
    success: { status: 200, description: 'A page of accounts by name.', schema: UserList },
    handler: ({ viewer, query }) => listUsers(viewer, query),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/users',
    idempotent: true,
    ...admins,
    summary: 'Create a clinician or patient account',
    who: 'Admins. Without `initialPassword` the answer carries a one-time set-password link (72 h).',
    body: CreateAccountInput,
    success: { status: 201, description: 'The account.', schema: CreateAccountResult },
    problems: [409],
    handler: ({ viewer, body, request, idempotency }) =>
      createAccount(viewer, body, { origin: request.nextUrl.origin, idempotency }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/users/{userId}/disable',
    ...admins,
    summary: 'Disable an account and end its sessions',
    who: 'Admins, for accounts of their organization other than their own (409).',
    params: UserParams,
    success: { status: 200, description: 'The disabled account.', schema: DisableAccountResult },
    problems: [409],
    handler: async ({ viewer, params }) => ({ user: await disableAccount(viewer, params.userId) }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/set-password',
    tag: 'Session',
    summary: 'Set a password with a one-time link',
    who: 'Anyone holding a valid link (no session).',
    public: true,
    body: SetPasswordInput,
    success: { status: 204, description: 'The password is set; the link is used up.' },
    handler: async ({ body, request, requestId }) => {
      const context = requestContextFrom((name) => request.headers.get(name));
      await setPasswordWithToken(body, { ...context, requestId });
    },
  }),
] as const;
