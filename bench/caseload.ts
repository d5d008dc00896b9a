// The caseload for a clinician with 500 patients, each with two months of check-ins and a few
// PHQ-9s and GAD-7s. Run: DATABASE_URL=postgresql://... npx tsx --conditions=react-server bench/caseload.ts
import { runBench, summary, timeIt } from './support';

const PATIENTS = Number(process.env.PATIENTS ?? 500);
const ITERATIONS = Number(process.env.ITERATIONS ?? 50);
const DAY = 86_400_000;

await runBench('bench_caseload', async (db) => {
  const { listCaseload } = await import('@/lib/data/caseload');
  const { createCaseload, createOrganization, createUser, viewerFor } =
    await import('@/tests/factories');

  const organization = await createOrganization(db);
  const clinician = await createUser(db, organization, { role: 'PRESCRIBER', passwordHash: null });
  const today = Date.UTC(
    new Date().getUTCFullYear(),
    new Date().getUTCMonth(),
    new Date().getUTCDate(),
  );
  const patients = await createCaseload(db, organization, clinician, PATIENTS);
  for (const [index, patient] of patients.entries()) {
    const gap = index % 7 === 0 ? 20 : 0;
    await db.checkIn.createMany({
      data: Array.from({ length: 60 }, (_, d) => ({
        organizationId: organization.id,
        patientId: patient.id,
        localDate: new Date(today - (d + 1 + gap) * DAY),
        mood: 3 + (d % 5),
      })),
    });
    await db.assessment.createMany({
      data: [0, 14, 28, 42].flatMap((d, k) => [
        {
          organizationId: organization.id,
          patientId: patient.id,
          instrument: 'PHQ9' as const,
          answers: [1, 1, 1, 1, 1, 1, 1, 1, 0],
          score: index % 5 === 0 && k === 0 ? 16 : 8,
          severity: 'mild',
          completedAt: new Date(today - d * DAY - DAY / 2),
        },
        {
          organizationId: organization.id,
          patientId: patient.id,
          instrument: 'GAD7' as const,
          answers: [1, 1, 1, 1, 1, 1, 1],
          score: 7,
          severity: 'mild',
          completedAt: new Date(today - d * DAY - DAY / 2),
        },
      ]),
    });
  }

  const viewer = viewerFor(clinician);
  const first = await listCaseload(viewer, { sort: 'flags' });
  const times = summary(await timeIt(ITERATIONS, () => listCaseload(viewer, { sort: 'flags' })));
  console.log(
    `listCaseload, ${PATIENTS} patients (${first.patients.length} on the first page, ${first.patients.filter((p) => p.flags.length > 0).length} of them flagged), ${ITERATIONS} iterations (ms):`,
  );
  console.log(`  median ${times.median.toFixed(2)}  p95 ${times.p95.toFixed(2)}`);
});
