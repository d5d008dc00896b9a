import { expect } from 'vitest';
import { callApi, sessionCookie, type ApiResult } from '@/tests/support/api';
import type { PatientWithAccount } from '@/tests/factories';

/** One line of the patient's "who viewed my record": `who` names the person, `summary` says it. */
export type AccessLogLine = { who: string; summary: string };

/**
 * A GET of one of the patient's own resources (`path` names `{patientId}`), through the API as
 * the patient; asserts the 200 and returns the body.
 */
export async function readAsPatient(
  patient: PatientWithAccount,
  path: string,
): Promise<ApiResult['body']> {
  const result = await callApi({
    method: 'GET',
    path,
    params: { patientId: patient.id },
    cookie: await sessionCookie(patient),
  });
  expect(result.status).toBe(200);
  return result.body;
}

/** The patient's "who viewed my record", read through the API as the patient (a 200). */
export async function accessLogOf(patient: PatientWithAccount): Promise<AccessLogLine[]> {
  return (await readAsPatient(patient, '/api/v1/patients/{patientId}/access-log')).items;
}
