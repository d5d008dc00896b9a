// No lost update: concurrent saves carrying the same version yield exactly one new version.
// On PostgreSQL the requests run on separate connections at once; on the embedded database
// (one connection) they serialize, and the rule must hold there too.
import { describe, expect, inject, it } from 'vitest';
import { db } from '@/lib/db';
import { createCareTeam, type CareTeam } from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';

const BASE = '/api/v1/patients/{patientId}/treatment-plan';
const CONCURRENT = 20;

function body(team: CareTeam, n: number) {
  return {
    presentingConcerns: `Concurrent edit ${n}.`,
    patientGoalsOwnWords: 'Feel steady again.',
    reviewBy: null,
    assessmentIntervalDays: 14,
    goals: [{ description: `Goal from edit ${n}`, status: 'ACTIVE', measureKind: 'NONE' }],
    interventions: [
      { kind: 'CBT', description: 'Weekly CBT', ownerId: team.therapist.id, frequency: 'Weekly' },
    ],
  };
}

async function race(team: CareTeam, cookies: string[], version: number) {
  return Promise.all(
    Array.from({ length: CONCURRENT }, (_, n) =>
      callApi({
        method: 'PUT',
        path: BASE,
        params: { patientId: team.patient.id },
        cookie: cookies[n % cookies.length],
        body: body(team, n),
        headers: { 'If-Match': `"${version}"` },
      }),
    ),
  );
}

describe(`${CONCURRENT} concurrent PUTs carrying the same version`, () => {
  it('let exactly one through, answer 412 to the rest, and keep versions gapless', async () => {
    const team = await createCareTeam(db, { passwordHash: null });
    const cookies = [await sessionCookie(team.prescriber), await sessionCookie(team.therapist)];
    const outcomes: string[] = [];

    // The first version (If-Match "0"), then three more rounds, each from the version just won.
    for (let round = 0; round < 4; round += 1) {
      const results = await race(team, cookies, round);
      const statuses = results.map((r) => r.status).sort();
      const won = results.filter((r) => r.status === 200);
      expect(won, JSON.stringify(results.map((r) => r.body))).toHaveLength(1);
      expect(statuses.filter((s) => s === 412)).toHaveLength(CONCURRENT - 1);
      expect(won[0]!.body.version).toBe(round + 1);
      for (const lost of results.filter((r) => r.status === 412)) {
        expect(lost.body.currentVersion).toBe(round + 1);
      }
      outcomes.push(`round ${round + 1}: 1 x 200, ${CONCURRENT - 1} x 412`);
    }

    const versions = await db.treatmentPlanVersion.findMany({
      where: { patientId: team.patient.id },
      orderBy: { version: 'asc' },
      select: { version: true },
    });
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4]);
    const plan = await db.treatmentPlan.findFirstOrThrow({ where: { patientId: team.patient.id } });
    expect(plan.currentVersion).toBe(4);
    console.info(
      `[no lost update] ${inject('embeddedDatabase') ? 'embedded PGlite' : 'PostgreSQL'}: ${outcomes.join('; ')}; versions ${versions.map((v) => v.version).join(',')}`,
    );
  });
});
