// The before-session brief for a patient with two years of daily check-ins (side effects on some
// days), fortnightly PHQ-9 and GAD-7, monthly medication changes, weekly notes and messages, and
// a plan revised every two months. Reports the median and p95 time and the statements sent.
// Run: DATABASE_URL=postgresql://... npx tsx --conditions=react-server bench/brief.ts
import pg from 'pg';
import { runBench, summary, timeIt } from './support';

const DAYS = Number(process.env.DAYS ?? 730);
const ITERATIONS = Number(process.env.ITERATIONS ?? 100);
const DAY = 86_400_000;

type Db = Parameters<typeof import('@/tests/factories').createCareTeam>[0];

/** A care team whose patient has DAYS days of history; `ago(d, h)`: h o'clock d days back. */
async function seedHistory(db: Db) {
  const f = await import('@/tests/factories');
  const team = await f.createCareTeam(db, { passwordHash: null });
  const { patient, prescriber, therapist } = team;
  const now = Date.now();
  const ago = (d: number, h = 10) => new Date(now - d * DAY + h * 3_600_000 - 12 * 3_600_000);

  await f.createCheckIns(
    db,
    patient,
    Array.from({ length: DAYS }, (_, i) => ({
      localDate: f.daysFromToday(-i),
      createdAt: ago(i, 20),
      mood: 3 + (i % 6),
      sleepHours: 5 + (i % 4),
      sideEffects:
        i % 9 === 0
          ? [
              {
                name: ['Nausea', 'Headache', 'Insomnia'][i % 3]!,
                severity: i % 27 === 0 ? 'MODERATE' : 'MILD',
              },
            ]
          : [],
    })),
  );
  for (let d = DAYS; d >= 0; d -= 14) {
    await f.createAssessment(db, patient, { instrument: 'PHQ9', completedAt: ago(d, 8) });
    await f.createAssessment(db, patient, { instrument: 'GAD7', completedAt: ago(d, 9) });
  }
  let dose = 25;
  const changes: import('@/tests/factories').MedicationChangeSpec[] = [
    { action: 'START', medication: 'Sertraline', dose, unit: 'mg', createdAt: ago(DAYS) },
  ];
  for (let d = DAYS - 30; d > 0; d -= 30) {
    const up = dose < 200 && (d / 30) % 2 === 0;
    dose = up ? dose + 25 : Math.max(25, dose - 25);
    changes.push({
      action: up ? 'INCREASE' : 'DECREASE',
      medication: 'Sertraline',
      dose,
      unit: 'mg',
      createdAt: ago(d),
    });
  }
  await f.recordMedicationChanges(
    db,
    patient,
    prescriber,
    changes.filter((c, i) => i === 0 || c.dose !== changes[i - 1]!.dose),
  );
  const plan = await f.createTreatmentPlan(db, patient, therapist, { createdAt: ago(DAYS) });
  for (let d = DAYS - 60; d > 0; d -= 60) {
    await f.addTreatmentPlanVersion(db, plan.plan, prescriber, {
      createdAt: ago(d),
      changeSummary: `Review at day ${d}.`,
    });
  }
  for (let d = DAYS; d > 3; d -= 7) {
    await f.createSessionNote(db, patient, therapist, {
      status: 'SIGNED',
      sessionDate: f.daysFromToday(-d),
      createdAt: ago(d, 17),
      signedAt: ago(d, 18),
    });
    await f.createMessage(db, patient, d % 14 === 0 ? prescriber : therapist, {
      createdAt: ago(d, 12),
    });
    await f.createPsychotherapyNote(db, patient, therapist, { createdAt: ago(d, 19) });
  }
  return { patient, therapist, ago, viewerFor: f.viewerFor };
}

/** The statements sent to PostgreSQL while `fn` runs. */
async function statementsOf(fn: () => Promise<unknown>): Promise<number> {
  let statements = 0;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    statements += 1;
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await fn();
  } finally {
    pg.Client.prototype.query = query;
  }
  return statements;
}

await runBench('bench_brief', async (db) => {
  const { getBrief } = await import('@/lib/data/brief');
  const { patient, therapist, ago, viewerFor } = await seedHistory(db);
  const viewer = viewerFor(therapist);
  const scenarios = [
    ['since the last signed note (default)', {}],
    ['last 30 days', { since: ago(30).toISOString() }],
    ['the whole two years', { since: ago(DAYS + 1).toISOString() }],
  ] as const;
  console.log(`brief: ${DAYS} days of check-ins, ${ITERATIONS} runs per scenario`);
  for (const [label, q] of scenarios) {
    const perCall = await statementsOf(() => getBrief(viewer, patient.id, q));
    const { median, p95 } = summary(
      await timeIt(ITERATIONS, () => getBrief(viewer, patient.id, q)),
    );
    console.log(
      `  ${label}: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, ${perCall} statements per brief (incl. transaction and audit)`,
    );
  }
});
