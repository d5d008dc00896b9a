// Organizations, accounts and care teams, written with the client passed in (the app's `db`, the
// seed's, or a transaction client). Names and emails are invented when not given.
import type {
  CareTeamMembership,
  Organization,
  Patient,
  Prisma,
  User,
} from '@/prisma/generated/client';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/viewer';
import { suffix } from './dates';

/** The app's client (`db` from lib/db), the seed's client or a transaction client: all fit. */
export type FactoryDb = Prisma.TransactionClient;

export type OrgRef = Pick<Organization, 'id'>;
export type PatientRef = Pick<Patient, 'id' | 'organizationId'>;
export type UserRef = Pick<User, 'id'> & { role?: Role };

export type PatientWithAccount = Patient & { account: User };

const FIRST_NAMES = ['Robin', 'Taylor', 'Morgan', 'Jamie', 'Quinn', 'Harper', 'Rowan', 'Skyler'];
const LAST_NAMES = ['Ellis', 'Hayes', 'Reyes', 'Novak', 'Baptiste', 'Lindqvist', 'Osei', 'Tanaka'];

// Names walk the 64 first/last pairs from a random start, so that no two of the next 64 people
// made in a process share a name: a test that tells the patient's prescriber from their
// therapist by name (as the patient's log does) cannot be fooled by a 1-in-64 coincidence.
let nameCursor = Math.floor(Math.random() * FIRST_NAMES.length * LAST_NAMES.length);

function fakeName(): string {
  const k = nameCursor++ % (FIRST_NAMES.length * LAST_NAMES.length);
  const first = FIRST_NAMES[k % FIRST_NAMES.length]!;
  const last = LAST_NAMES[Math.floor(k / FIRST_NAMES.length)]!;
  return `${first} ${last}`;
}

function emailFor(name: string): string {
  const local = name.toLowerCase().replace(/[^a-z]+/g, '.');
  return `${local}.${suffix()}@example.test`;
}

async function resolvePasswordHash(options: {
  password?: string;
  passwordHash?: string | null;
}): Promise<string | null> {
  if (options.passwordHash !== undefined) return options.passwordHash;
  if (options.password !== undefined) return hashPassword(options.password);
  return null;
}

export async function createOrganization(
  db: FactoryDb,
  overrides: { name?: string; slug?: string; createdAt?: Date } = {},
): Promise<Organization> {
  const tag = suffix();
  return db.organization.create({
    data: {
      name: overrides.name ?? `Test Clinic ${tag}`,
      slug: overrides.slug ?? `test-clinic-${tag}`,
      createdAt: overrides.createdAt,
    },
  });
}

export type UserOptions = {
  role: Role;
  name?: string;
  email?: string;
  /** Hashed with argon2id here (slow); prefer `passwordHash` in tests. */
  password?: string;
  /** A precomputed hash, or null for no password. Wins over `password`. */
  passwordHash?: string | null;
  disabledAt?: Date | null;
  createdAt?: Date;
};

export async function createUser(db: FactoryDb, org: OrgRef, options: UserOptions): Promise<User> {
  const name = options.name ?? fakeName();
  return db.user.create({
    data: {
      organizationId: org.id,
      role: options.role,
      name,
      email: (options.email ?? emailFor(name)).toLowerCase(),
      passwordHash: await resolvePasswordHash(options),
      disabledAt: options.disabledAt ?? null,
      createdAt: options.createdAt,
    },
  });
}

export type PatientOptions = Omit<UserOptions, 'role'> & {
  dateOfBirth?: Date;
  pronouns?: string | null;
};

/** Creates a patient and the patient's own User account (role PATIENT). */
export async function createPatient(
  db: FactoryDb,
  org: OrgRef,
  options: PatientOptions = {},
): Promise<PatientWithAccount> {
  const account = await createUser(db, org, { ...options, role: 'PATIENT' });
  const patient = await db.patient.create({
    data: {
      organizationId: org.id,
      userId: account.id,
      dateOfBirth: options.dateOfBirth ?? new Date(Date.UTC(1990, 4, 17)),
      pronouns: options.pronouns === undefined ? null : options.pronouns,
      createdAt: options.createdAt,
    },
  });
  return { ...patient, account };
}

export async function addToCareTeam(
  db: FactoryDb,
  patient: PatientRef,
  clinician: UserRef,
  options: { startedAt?: Date; endedAt?: Date | null } = {},
): Promise<CareTeamMembership> {
  return db.careTeamMembership.create({
    data: {
      organizationId: patient.organizationId,
      patientId: patient.id,
      clinicianId: clinician.id,
      startedAt: options.startedAt,
      endedAt: options.endedAt ?? null,
    },
  });
}

export type CareTeam = {
  organization: Organization;
  prescriber: User;
  therapist: User;
  patient: PatientWithAccount;
  memberships: CareTeamMembership[];
};

/** An organization (new unless given) with a prescriber and a therapist on one patient's team. */
export async function createCareTeam(
  db: FactoryDb,
  options: { organization?: Organization; passwordHash?: string | null; password?: string } = {},
): Promise<CareTeam> {
  const organization = options.organization ?? (await createOrganization(db));
  const credentials = { passwordHash: options.passwordHash, password: options.password };
  const prescriber = await createUser(db, organization, { ...credentials, role: 'PRESCRIBER' });
  const therapist = await createUser(db, organization, { ...credentials, role: 'THERAPIST' });
  const patient = await createPatient(db, organization, credentials);
  const memberships = [
    await addToCareTeam(db, patient, prescriber),
    await addToCareTeam(db, patient, therapist),
  ];
  return { organization, prescriber, therapist, patient, memberships };
}

/**
 * `size` patients ("Patient 000", "Patient 001", …) on `clinician`'s care team, written in three
 * bulk inserts: the large caseloads of the paging test and of bench/caseload.ts.
 */
export async function createCaseload(
  db: FactoryDb,
  org: OrgRef,
  clinician: UserRef,
  size: number,
): Promise<(PatientRef & { name: string })[]> {
  const users = Array.from({ length: size }, (_, i) => ({
    id: crypto.randomUUID(),
    organizationId: org.id,
    role: 'PATIENT' as const,
    name: `Patient ${String(i).padStart(3, '0')}`,
    email: `caseload-${crypto.randomUUID()}@example.test`,
  }));
  await db.user.createMany({ data: users });
  const patients = users.map((u) => ({
    id: crypto.randomUUID(),
    organizationId: org.id,
    userId: u.id,
    dateOfBirth: new Date(Date.UTC(1985, 0, 1)),
  }));
  await db.patient.createMany({ data: patients });
  await db.careTeamMembership.createMany({
    data: patients.map((p) => ({
      organizationId: org.id,
      patientId: p.id,
      clinicianId: clinician.id,
    })),
  });
  return patients.map((p, i) => ({ ...p, name: users[i]!.name }));
}
