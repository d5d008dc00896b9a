// Reading the regimen stays cheap however long the history: a patient with 10,000 medication
// changes against one with 10. Run: DATABASE_URL=postgresql://... npx tsx --conditions=react-server bench/regimen.ts
import { randomUUID } from 'node:crypto';
import { runBench, summary, timeIt } from './support';

const ITERATIONS = Number(process.env.ITERATIONS ?? 300);

await runBench('bench_regimen', async (db) => {
  const { medicationKey } = await import('@/lib/clinical/regimen');
  const { rebuildMedicationState } = await import('@/lib/data/medications/record-change');
  const { getRegimen } = await import('@/lib/data/medications');
  const { createCareTeam, createPatient, addToCareTeam, viewerFor } =
    await import('@/tests/factories');

  const team = await createCareTeam(db, { passwordHash: null });
  const long = await createPatient(db, team.organization, { passwordHash: null });
  await addToCareTeam(db, long, team.prescriber);

  /** `count` changes over three medications (a start each, then alternating dose steps), loaded in
   * bulk; the regimen is then projected by the domain's own rebuildMedicationState. */
  async function history(patient: { id: string; organizationId: string }, count: number) {
    const names = ['Sertraline', 'Bupropion XL', 'Trazodone'];
    const rows = [];
    const tails = new Map<string, string>();
    const doses = new Map<string, number>();
    const start = Date.UTC(2025, 0, 1);
    for (let i = 0; i < count; i++) {
      const name = names[i % names.length]!;
      const key = medicationKey(name);
      const before = doses.get(key);
      const action = before === undefined ? 'START' : before === 50 ? 'INCREASE' : 'DECREASE';
      const dose = before === undefined ? 50 : before === 50 ? 100 : 50;
      doses.set(key, dose);
      const id = randomUUID();
      rows.push({
        id,
        organizationId: patient.organizationId,
        patientId: patient.id,
        prescriberId: team.prescriber.id,
        action: action as 'START' | 'INCREASE' | 'DECREASE',
        medication: name,
        medicationKey: key,
        dose,
        unit: 'mg',
        frequency: 'once daily',
        route: 'oral',
        effectiveDate: new Date(start + Math.floor(i / 30) * 86_400_000),
        reason: 'Benchmark step.',
        monitorFor: ['sleep'],
        previousChangeId: tails.get(key) ?? null,
        createdAt: new Date(start + i * 1000),
      });
      tails.set(key, id);
    }
    for (let i = 0; i < rows.length; i += 1000) {
      await db.medicationChange.createMany({ data: rows.slice(i, i + 1000) });
    }
    for (const name of names) await rebuildMedicationState(db, patient, medicationKey(name));
  }
  await history(team.patient, 10);
  await history(long, 10_000);

  const viewer = viewerFor(team.prescriber);
  const short = summary(await timeIt(ITERATIONS, () => getRegimen(viewer, team.patient.id)));
  const longTimes = summary(await timeIt(ITERATIONS, () => getRegimen(viewer, long.id)));
  const fmt = (n: number) => n.toFixed(2);
  console.log(`getRegimen over ${ITERATIONS} iterations (ms):`);
  console.log(`  10 changes:      median ${fmt(short.median)}  p95 ${fmt(short.p95)}`);
  console.log(`  10,000 changes:  median ${fmt(longTimes.median)}  p95 ${fmt(longTimes.p95)}`);
  console.log(
    `  ratio (10,000 / 10): median ${(longTimes.median / short.median).toFixed(2)}x  p95 ${(longTimes.p95 / short.p95).toFixed(2)}x`,
  );
});
