// Who the cluster scripts act as: a demo prescriber of the seeded organization (PRODUCT.md), and
// the first patient of her caseload.
import type { ClusterClient } from './client';

export const DEMO = { email: 'dr.rivera@riverbend.test', password: 'care-team-demo' };

export async function firstPatientOf(client: ClusterClient): Promise<{ id: string }> {
  const answer = await client.request('GET', '/api/v1/patients');
  if (answer.status !== 200) throw new Error(`GET /api/v1/patients answered ${answer.status}`);
  const [patient] = answer.json().items;
  if (!patient) throw new Error('the demo prescriber has no patients');
  return { id: patient.id };
}
