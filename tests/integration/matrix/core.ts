// Matrix rows of the core API. One row per route and method; see tests/support/matrix.ts.
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { addToCareTeam } from '@/tests/factories';
import {
  adminOnly,
  everyone,
  freshClinician,
  onFreshAccount,
  patientOnly,
  readers,
  setPasswordToken,
  type Row,
} from '@/tests/support/matrix';

/** Care-team administration: admins get `status`; others who see the patient 403. */
const careTeamAdmins = (status: number) => ({ ...readers(403), admin: status });

export const coreRows: Row[] = [
  { method: 'GET', path: '/api/v1/me', expect: { ...everyone(200), signedOut: 401 }, audits: 0 },
  { method: 'GET', path: '/api/v1/patients', expect: { ...everyone(200), signedOut: 401 } },
  {
    method: 'GET',
    path: '/api/v1/patients/{patientId}',
    expect: { ...readers(200), admin: 200 },
  },
  {
    method: 'GET',
    path: '/api/v1/patients/{patientId}/access-log',
    expect: { ...patientOnly(200), admin: 200 },
  },
  {
    method: 'GET',
    path: '/api/v1/patients/{patientId}/access-log/visits',
    expect: { ...patientOnly(200), admin: 200 },
  },
  {
    method: 'POST',
    path: '/api/v1/patients/{patientId}/care-team',
    call: async (w) => ({ body: { clinicianId: (await freshClinician(w)).id } }),
    expect: careTeamAdmins(201),
  },
  {
    method: 'POST',
    path: '/api/v1/patients/{patientId}/care-team/{membershipId}/end',
    call: async (w) => {
      const membership = await addToCareTeam(db, w.team.patient, await freshClinician(w));
      return { params: { membershipId: membership.id } };
    },
    expect: careTeamAdmins(200),
  },
  { method: 'GET', path: '/api/v1/audit-events', expect: adminOnly(200) },
  { method: 'GET', path: '/api/v1/users', expect: adminOnly(200) },
  {
    method: 'POST',
    path: '/api/v1/users',
    call: async () => ({
      body: {
        role: 'THERAPIST',
        name: 'Matrix Clinician',
        email: `m.${randomBytes(6).toString('hex')}@example.test`,
      },
    }),
    expect: adminOnly(201),
  },
  {
    method: 'POST',
    path: '/api/v1/users/{userId}/disable',
    call: onFreshAccount,
    expect: adminOnly(200),
  },
  {
    method: 'POST',
    path: '/api/v1/set-password',
    call: async (w) => ({
      body: {
        token: await setPasswordToken((await freshClinician(w)).id),
        password: 'a long enough passphrase',
      },
    }),
    expect: everyone(204),
    audits: 0,
  },
  { method: 'GET', path: '/api/v1/openapi.json', expect: everyone(200), audits: 0 },
];
