// The demo organizations (two clinics, ten fictional accounts, four patient histories told in
// prisma/demo/ and the week of visits around today), written with the builders the test
// factories share (prisma/demo/build): `npx tsx prisma/seed.ts` (or `npm run db:seed`).
// Idempotent, and refuses any database holding other organizations.
import { pathToFileURL } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/prisma/generated/client';
import { hashPassword } from '@/lib/auth/password';
import { toIsoDate } from '@/lib/calendar-date';
import { withDatabase } from '@/scripts/database';
import { ALEX_MORGAN } from './demo/alex-morgan';
import { seedDemoAppointments } from './demo/appointments';
import { CASEY_NGUYEN } from './demo/casey-nguyen';
import { createDemoContext, localTime, type DemoPatients } from './demo/context';
import {
  createDirectory,
  DEMO_ORGANIZATION_SLUGS,
  DEMO_PASSWORD,
  loadDirectory,
} from './demo/directory';
import { JORDAN_LEE } from './demo/jordan-lee';
import { seedDemoOutbox } from './demo/outbox';
import { RILEY_FOX } from './demo/riley-fox';
import { tellStory, type DemoStory } from './demo/story';

export class SeedRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedRefusedError';
  }
}

export type SeedResult = {
  /** False when the demo was already complete and nothing was written. */
  changed: boolean;
  /** Rows of each table that belong to the demo organizations. */
  counts: Record<string, number>;
  ms: number;
};

const HISTORIES: Record<keyof DemoPatients, DemoStory> = {
  alex: ALEX_MORGAN,
  jordan: JORDAN_LEE,
  casey: CASEY_NGUYEN,
  riley: RILEY_FOX,
};

// The embedded PGlite runs one transaction at a time and a patient's history is a few hundred
// rows, so each history is its own transaction: all of it lands, or none.
const TRANSACTION = { maxWait: 60_000, timeout: 300_000 };

/**
 * Seeds the demo into `db`, relative to `now`. Each part (the accounts, then each patient's
 * history) is written in one transaction and skipped when already there, so a second run
 * changes nothing and an interrupted run resumes.
 */
export async function seedDemo(
  db: PrismaClient,
  options: { now?: Date; passwordHash?: string } = {},
): Promise<SeedResult> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const others = await db.organization
    .findMany({
      where: { slug: { notIn: [...DEMO_ORGANIZATION_SLUGS] } },
      select: { name: true },
      take: 1,
    })
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === 'P2021') {
        throw new SeedRefusedError(
          'The database has no Triad tables yet: run `npm run db:migrate` first.',
        );
      }
      throw error;
    });
  if (others.length > 0) {
    throw new SeedRefusedError(
      `Refusing to seed: this database holds organizations other than the demo ones (e.g. "${others[0]!.name}"). Seed an empty database instead.`,
    );
  }

  let changed = false;
  let directory = await loadDirectory(db);
  if (!directory) {
    const partial = await db.organization.count();
    if (partial > 0) {
      throw new SeedRefusedError(
        'Refusing to seed: the demo organizations exist but some demo accounts are missing. Reset the database and seed again.',
      );
    }
    const passwordHash = options.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
    const at = (offset: number, hour: number) => localTime(now, offset, hour);
    directory = await db.$transaction((tx) => createDirectory(tx, passwordHash, at), TRANSACTION);
    changed = true;
  }

  const ctx = createDemoContext(now, directory.staff, directory.patients);
  // Check-ins are partitioned by month (decision 037); the migration and the job make this month
  // and the next ones. The histories' earlier months get theirs here, not the default partition.
  const earliest = ctx.day(Math.min(...Object.values(HISTORIES).map((h) => h.checkIns.from)));
  await db.$queryRaw`SELECT check_in_partition(m::date) FROM generate_series(
    date_trunc('month', ${toIsoDate(earliest)}::date), ${toIsoDate(ctx.day(0))}::date, interval '1 month') m`;
  for (const key of Object.keys(HISTORIES) as (keyof DemoPatients)[]) {
    const patient = directory.patients[key];
    const hasHistory = await db.treatmentPlan.count({ where: { patientId: patient.id } });
    if (hasHistory) continue;
    await db.$transaction((tx) => tellStory(tx, ctx, patient, HISTORIES[key]), TRANSACTION);
    changed = true;
  }

  // The visits come after the histories: past visits are linked to the notes they record.
  if (await db.$transaction((tx) => seedDemoAppointments(tx, ctx), TRANSACTION)) changed = true;

  if (await seedDemoOutbox(db, directory.staff, now)) changed = true;

  const organizationIds = Object.values(directory.organizations).map((o) => o.id);
  return {
    changed,
    counts: await countDemoRows(db, organizationIds),
    ms: Math.round(performance.now() - started),
  };
}

/** The tables counted in a SeedResult, by the name the result gives them. */
function demoTables(db: PrismaClient) {
  return {
    users: db.user,
    patients: db.patient,
    careTeamMemberships: db.careTeamMembership,
    medicationChanges: db.medicationChange,
    medicationStates: db.medicationState,
    treatmentPlanVersions: db.treatmentPlanVersion,
    checkIns: db.checkIn,
    sideEffects: db.checkInSideEffect,
    measureValues: db.checkInMeasureValue,
    assessments: db.assessment,
    safetyFlags: db.safetyFlag,
    sessionNotes: db.sessionNote,
    addenda: db.sessionNoteAddendum,
    psychotherapyNotes: db.psychotherapyNote,
    messages: db.careTeamMessage,
    patientMessages: db.patientMessage,
    notifications: db.notification,
    contacts: db.patientContact,
    safetyPlanVersions: db.safetyPlanVersion,
    appointments: db.appointment,
  };
}

type Countable = { count(args: { where: { organizationId: { in: string[] } } }): Promise<number> };

async function countDemoRows(db: PrismaClient, ids: string[]): Promise<Record<string, number>> {
  const where = { organizationId: { in: ids } };
  // Every delegate's count takes this `where`; their generic signatures differ only in type.
  const tables = Object.entries(demoTables(db)) as unknown as [string, Countable][];
  const counts = await Promise.all(tables.map(([, table]) => table.count({ where })));
  return {
    organizations: ids.length,
    ...Object.fromEntries(tables.map(([name], i) => [name, counts[i]!])),
  };
}

function describeCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([table, n]) => `${n} ${table}`)
    .join(', ');
}

async function main(): Promise<void> {
  process.env.CHECKPOINT_DISABLE ??= '1';
  // Started by scripts/serve.ts: its IPC channel closes when it dies, and the seed goes with it.
  process.on('disconnect', () => process.exit(1));
  await withDatabase(async (database) => {
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    try {
      const result = await seedDemo(db);
      if (result.changed) {
        console.log(
          `Seeded the demo in ${(result.ms / 1000).toFixed(1)} s: ${describeCounts(result.counts)}.`,
        );
        console.log(
          `Sign in with any demo account (e.g. alex.morgan@riverbend.test), password "${DEMO_PASSWORD}".`,
        );
      } else {
        console.log('The demo is already seeded; nothing changed.');
      }
    } catch (error) {
      if (error instanceof SeedRefusedError) {
        console.error(`triad: ${error.message}`);
        process.exitCode = 1;
        return;
      }
      throw error;
    } finally {
      await db.$disconnect();
    }
  });
  process.exit(process.exitCode ?? 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
