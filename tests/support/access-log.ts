import { expect } from 'vitest';
import { callApi, sessionCookie } from '@/tests/support/api';
import type { PatientWithAccount } from '@/tests/factories';

/** One line of the patient's "who viewed my record": `who` names the person, `summary` says it. */
export type AccessLogLine = { who: string; summary: string };

/** The patient's "who viewed my record", read through the API as the patient (a 200). */
export async function accessLogOf(patient: PatientWithAccount): Promise<AccessLogLine[]> {
  const result = await callApi({
    method: 'GET',
    path: '/api/v1/patients/{patientId}/access-log',
    params: { patientId: patient.id },
    cookie: await sessionCookie(patient),
  });
  expect(result.status).toBe(200);
  return result.body.items;
}
