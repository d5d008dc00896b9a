// What a spec builds for itself through the API (with a signed-in page's session), so that it
// does not depend on what other specs did to the demo data.
import { expect, type Page } from '@playwright/test';

/** An email no other spec or run uses: `name.<time><random>@riverbend.test`. */
export function uniqueEmail(name: string): string {
  const local = name.toLowerCase().replace(/\W+/g, '.');
  return `${local}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@riverbend.test`;
}

/**
 * A person's name no other spec or run uses (`name` and a few letters), for specs that find the
 * person by name on a page the demo and other specs' accounts share.
 */
export function uniqueName(name: string): string {
  const letters = Array.from({ length: 4 }, () =>
    String.fromCharCode(97 + Math.floor(Math.random() * 26)),
  );
  return `${name} ${letters.join('').replace(/^./, (c) => c.toUpperCase())}`;
}

/** A long enough initial password for the accounts the specs create. */
export const INITIAL_PASSWORD = 'a-long-initial-password';

type NewAccount = {
  role: 'PATIENT' | 'PRESCRIBER' | 'THERAPIST';
  name: string;
  email?: string;
  password?: string;
  dateOfBirth?: string;
};

/** An account created by the admin signed in on `admin`; returns its ids and credentials. */
export async function createAccount(admin: Page, account: NewAccount) {
  const email = account.email ?? uniqueEmail(account.name);
  const password = account.password ?? INITIAL_PASSWORD;
  const dateOfBirth =
    account.role === 'PATIENT' ? (account.dateOfBirth ?? '1990-04-12') : undefined;
  const response = await admin.request.post('/api/v1/users', {
    data: { role: account.role, name: account.name, email, initialPassword: password, dateOfBirth },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { user } = (await response.json()) as { user: { id: string; patientId: string | null } };
  return { id: user.id, patientId: user.patientId, email, password, name: account.name };
}

/** The account whose name or email matches `query` (the first one), as an admin. */
export async function findAccount(admin: Page, query: string) {
  const response = await admin.request.get(`/api/v1/users?q=${encodeURIComponent(query)}`);
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as {
    items: { id: string; name: string; patientId: string | null }[];
  };
  expect(items.length, `no account matches ${query}`).toBeGreaterThan(0);
  return items[0]!;
}

/** Puts a clinician on a patient's care team, as an admin. */
export async function addToCareTeam(admin: Page, patientId: string, clinicianId: string) {
  const response = await admin.request.post(`/api/v1/patients/${patientId}/care-team`, {
    data: { clinicianId },
  });
  expect(response.status(), await response.text()).toBe(201);
}

/** The id of the patient called `name`, as a clinician on their team. */
export async function patientId(page: Page, name: string): Promise<string> {
  const response = await page.request.get(`/api/v1/patients?q=${encodeURIComponent(name)}`);
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: { id: string; name: string }[] };
  const patient = items.find((p) => p.name === name);
  expect(patient, `no patient called ${name}`).toBeDefined();
  return patient!.id;
}

export type RegimenItem = {
  medication: string;
  dose: number;
  unit: string;
  frequency: string;
  status: string;
};

/** The patient's active medication whose name matches `medication`, as it stands now. */
export async function activeMedication(
  page: Page,
  patient: string,
  medication: RegExp,
): Promise<RegimenItem> {
  const response = await page.request.get(`/api/v1/patients/${patient}/medications`);
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: RegimenItem[] };
  const item = items.find((m) => medication.test(m.medication) && m.status === 'ACTIVE');
  expect(item, `no active ${medication}`).toBeDefined();
  return item!;
}
