// The demo organizations and accounts of PRODUCT.md ("Demo organization"): every person fictional.
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

export const DEMO_STAFF: Record<keyof DemoStaff, StaffAccount> = {
  dana: { email: 'admin@riverbend.test', name: 'Dana Brooks', role: 'ADMIN', org: 'riverbend' },
  rivera: {
    email: 'dr.rivera@riverbend.test',
    name: 'Elena Rivera',
    role: 'PRESCRIBER',
    org: 'riverbend',
  },
  chen: {
    email: 'dr.chen@riverbend.test',
    name: 'Michael Chen',
    role: 'PRESCRIBER',
    org: 'riverbend',
  },
  okafor: {
    email: 'sam.okafor@riverbend.test',
    name: 'Sam Okafor',
    role: 'THERAPIST',
    org: 'riverbend',
  },
  park: { email: 'lee.park@riverbend.test', name: 'Lee Park', role: 'THERAPIST', org: 'riverbend' },
  hale: {
    email: 'dr.hale@northside.test',
    name: 'Avery Hale',
    role: 'PRESCRIBER',
    org: 'northside',
  },
};

export const DEMO_PATIENTS: Record<keyof DemoPatients, PatientAccount> = {
  alex: {
    email: 'alex.morgan@riverbend.test',
    name: 'Alex Morgan',
    org: 'riverbend',
    dateOfBirth: new Date(Date.UTC(1994, 2, 18)),
    pronouns: 'they/them',
    team: ['rivera', 'okafor'],
  },
  jordan: {
    email: 'jordan.lee@riverbend.test',
    name: 'Jordan Lee',
    org: 'riverbend',
    dateOfBirth: new Date(Date.UTC(2000, 8, 2)),
    pronouns: 'he/him',
    team: ['rivera', 'park'],
  },
  casey: {
    email: 'casey.nguyen@riverbend.test',
    name: 'Casey Nguyen',
    org: 'riverbend',
    dateOfBirth: new Date(Date.UTC(1987, 10, 23)),
    pronouns: 'she/her',
    team: ['chen', 'okafor'],
  },
  riley: {
    email: 'riley.fox@northside.test',
    name: 'Riley Fox',
    org: 'northside',
    dateOfBirth: new Date(Date.UTC(1998, 5, 10)),
    pronouns: 'she/her',
    team: ['hale'],
  },
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
