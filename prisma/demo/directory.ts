// The demo organizations and accounts (README.md, "Demo accounts"): every person fictional.
import type { Organization, User } from '@/prisma/generated/client';
import type { Role } from '@/lib/auth/viewer';
import {
  addToCareTeam,
  createOrganization,
  createPatient,
  createUser,
  type FactoryDb,
  type PatientWithAccount,
} from './build';
import type { DemoPatients, DemoStaff } from './context';

export const DEMO_PASSWORD = 'care-team-demo';

export const DEMO_ORGANIZATIONS = {
  riverbend: { slug: 'riverbend', name: 'Riverbend Collaborative Care' },
  northside: { slug: 'northside', name: 'Northside Health' },
} as const;

type OrgKey = keyof typeof DEMO_ORGANIZATIONS;

export const DEMO_ORGANIZATION_SLUGS: readonly string[] = Object.values(DEMO_ORGANIZATIONS).map(
  (o) => o.slug,
);

type StaffAccount = { email: string; name: string; role: Exclude<Role, 'PATIENT'>; org: OrgKey };
type PatientAccount = {
  email: string;
  name: string;
  org: OrgKey;
  dateOfBirth: Date;
  pronouns: string;
  team: (keyof DemoStaff)[];
};

const staff = (email: string, name: string, role: StaffAccount['role'], org: OrgKey) => ({
  email,
  name,
  role,
  org,
});

export const DEMO_STAFF: Record<keyof DemoStaff, StaffAccount> = {
  dana: staff('admin@riverbend.test', 'Dana Brooks', 'ADMIN', 'riverbend'),
  rivera: staff('dr.rivera@riverbend.test', 'Elena Rivera', 'PRESCRIBER', 'riverbend'),
  chen: staff('dr.chen@riverbend.test', 'Michael Chen', 'PRESCRIBER', 'riverbend'),
  okafor: staff('sam.okafor@riverbend.test', 'Sam Okafor', 'THERAPIST', 'riverbend'),
  park: staff('lee.park@riverbend.test', 'Lee Park', 'THERAPIST', 'riverbend'),
  hale: staff('dr.hale@northside.test', 'Avery Hale', 'PRESCRIBER', 'northside'),
};

/** A patient account (email: first.last@<org>.test), born [year, month 1-12, day]. */
const patient = (
  name: string,
  org: OrgKey,
  [year, month, day]: [number, number, number],
  pronouns: string,
  team: (keyof DemoStaff)[],
): PatientAccount => ({
  email: `${name.toLowerCase().replace(' ', '.')}@${org}.test`,
  name,
  org,
  dateOfBirth: new Date(Date.UTC(year, month - 1, day)),
  pronouns,
  team,
});

export const DEMO_PATIENTS: Record<keyof DemoPatients, PatientAccount> = {
  alex: patient('Alex Morgan', 'riverbend', [1994, 3, 18], 'they/them', ['rivera', 'okafor']),
  jordan: patient('Jordan Lee', 'riverbend', [2000, 9, 2], 'he/him', ['rivera', 'park']),
  casey: patient('Casey Nguyen', 'riverbend', [1987, 11, 23], 'she/her', ['chen', 'okafor']),
  riley: patient('Riley Fox', 'northside', [1998, 6, 10], 'she/her', ['hale']),
};

export const DEMO_EMAILS: readonly string[] = [
  ...Object.values(DEMO_STAFF),
  ...Object.values(DEMO_PATIENTS),
].map((a) => a.email);

/** When each patient's care began, in days before the seed day (their history starts here). */
export const CARE_STARTED: Record<keyof DemoPatients, number> = {
  alex: -91,
  jordan: -76,
  casey: -81,
  riley: -43,
};

export type Directory = {
  organizations: Record<OrgKey, Organization>;
  staff: DemoStaff;
  patients: DemoPatients;
};

/** Both organizations, all ten accounts and the care teams, with one password hash for all. */
export async function createDirectory(
  db: FactoryDb,
  passwordHash: string,
  at: (offset: number, hour: number) => Date,
): Promise<Directory> {
  const riverbend = await createOrganization(db, {
    ...DEMO_ORGANIZATIONS.riverbend,
    createdAt: at(-400, 9),
  });
  const northside = await createOrganization(db, {
    ...DEMO_ORGANIZATIONS.northside,
    createdAt: at(-300, 9),
  });
  const organizations = { riverbend, northside };

  const staffEntries: [keyof DemoStaff, User][] = [];
  for (const [key, account] of Object.entries(DEMO_STAFF) as [keyof DemoStaff, StaffAccount][]) {
    const user = await createUser(db, organizations[account.org], {
      role: account.role,
      name: account.name,
      email: account.email,
      passwordHash,
      createdAt: at(account.org === 'riverbend' ? -380 : -290, 10),
    });
    staffEntries.push([key, user]);
  }
  const staff = Object.fromEntries(staffEntries) as DemoStaff;

  const patientEntries: [keyof DemoPatients, PatientWithAccount][] = [];
  for (const [key, account] of Object.entries(DEMO_PATIENTS) as [
    keyof DemoPatients,
    PatientAccount,
  ][]) {
    const joined = at(CARE_STARTED[key] - 1, 14);
    const patient = await createPatient(db, organizations[account.org], {
      name: account.name,
      email: account.email,
      dateOfBirth: account.dateOfBirth,
      pronouns: account.pronouns,
      passwordHash,
      createdAt: joined,
    });
    for (const member of account.team) {
      await addToCareTeam(db, patient, staff[member], { startedAt: joined });
    }
    patientEntries.push([key, patient]);
  }
  const patients = Object.fromEntries(patientEntries) as DemoPatients;
  return { organizations, staff, patients };
}

/** The directory of an already seeded database, or null when any demo account is missing. */
export async function loadDirectory(db: FactoryDb): Promise<Directory | null> {
  const organizations = await db.organization.findMany({
    where: { slug: { in: [...DEMO_ORGANIZATION_SLUGS] } },
  });
  const users = await db.user.findMany({
    where: { email: { in: [...DEMO_EMAILS] } },
    include: { patient: true },
  });
  const riverbend = organizations.find((o) => o.slug === DEMO_ORGANIZATIONS.riverbend.slug);
  const northside = organizations.find((o) => o.slug === DEMO_ORGANIZATIONS.northside.slug);
  if (!riverbend || !northside || users.length !== DEMO_EMAILS.length) return null;
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const userOf = (email: string): User => {
    const { patient: _patient, ...user } = byEmail.get(email)!;
    return user;
  };
  const staff = Object.fromEntries(
    Object.entries(DEMO_STAFF).map(([key, account]) => [key, userOf(account.email)]),
  ) as DemoStaff;
  const patientEntries: [string, PatientWithAccount][] = [];
  for (const [key, account] of Object.entries(DEMO_PATIENTS)) {
    const patient = byEmail.get(account.email)!.patient;
    if (!patient) return null;
    patientEntries.push([key, { ...patient, account: userOf(account.email) }]);
  }
  return {
    organizations: { riverbend, northside },
    staff,
    patients: Object.fromEntries(patientEntries) as DemoPatients,
  };
}
