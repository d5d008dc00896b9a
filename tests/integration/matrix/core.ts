// Matrix rows of the core API (issue 3). One row per route and method; see tests/support/matrix.ts.
import { createHash, randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { addToCareTeam } from '@/tests/factories';
import { adminOnly, everyone, freshClinician, type Row } from '@/tests/support/matrix';

export const coreRows: Row[] = [
  { method: 'GET', path: '/api/v1/me', expect: { ...everyone(200), signedOut: 401 }, audits: 0 },
  { method: 'GET', path: '/api/v1/patients', expect: { ...everyone(200), signedOut: 401 } },
  {
    method: 'GET',
    path: '/api/v1/patients/{patientId}',
    expect: {
      signedOut: 401,
      patient: 200,
      otherPatient: 404,
      prescriberOnTeam: 200,
      prescriberOffTeam: 404,
      therapistOnTeam: 200,
      therapistOffTeam: 404,
      admin: 200,
      otherOrgClinician: 404,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/patients/{patientId}/access-log',
    expect: {
      signedOut: 401,
      patient: 200,
      otherPatient: 404,
      prescriberOnTeam: 403,
      prescriberOffTeam: 404,
      therapistOnTeam: 403,
      therapistOffTeam: 404,
      admin: 200,
      otherOrgClinician: 404,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/patients/{patientId}/care-team',
    call: async (w) => ({ body: { clinicianId: (await freshClinician(w)).id } }),
    expect: {
      signedOut: 401,
      patient: 403,
      otherPatient: 404,
      prescriberOnTeam: 403,
      prescriberOffTeam: 404,
      therapistOnTeam: 403,
      therapistOffTeam: 404,
      admin: 201,
      otherOrgClinician: 404,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/patients/{patientId}/care-team/{membershipId}/end',
    call: async (w) => {
      const membership = await addToCareTeam(db, w.team.patient, await freshClinician(w));
      return { params: { membershipId: membership.id } };
    },
    expect: {
      signedOut: 401,
      patient: 403,
      otherPatient: 404,
      prescriberOnTeam: 403,
      prescriberOffTeam: 404,
      therapistOnTeam: 403,
      therapistOffTeam: 404,
      admin: 200,
      otherOrgClinician: 404,
    },
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
    call: async (w) => ({ params: { userId: (await freshClinician(w)).id } }),
    expect: adminOnly(200),
  },
  {
    method: 'POST',
    path: '/api/v1/set-password',
    call: async (w) => {
      const user = await freshClinician(w);
      const token = randomBytes(32).toString('base64url');
      await db.passwordSetToken.create({
        data: {
          userId: user.id,
          tokenHash: createHash('sha256').update(token).digest('hex'),
          expiresAt: new Date(Date.now() + 3_600_000),
        },
      });
      return { body: { token, password: 'a long enough passphrase' } };
    },
    expect: everyone(204),
    audits: 0,
  },
  { method: 'GET', path: '/api/v1/openapi.json', expect: everyone(200), audits: 0 },
];
