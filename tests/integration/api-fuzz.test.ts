// Hostile input for every operation of the /api/v1 registry, against the real handlers and a real
// database, as signed-in callers of every kind (tests/support/fuzz.ts): never a 500, every
// refusal problem+json, every refusal on a patient-scoped route audited exactly once, NUL bytes
// never accepted, dates out of bounds refused naming the field. A seeded sample here (FUZZ_RUNS,
// default 24 per operation); `npm run fuzz` runs 300 per operation and prints the table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '@/lib/api/registry';
import {
  auditedRefusals,
  hostileInputs,
  mustBeAudited,
  problemsWith,
  refreshCookies,
  send,
  statusTable,
  type FuzzResult,
} from '@/tests/support/fuzz';
import { buildWorld, type World } from '@/tests/integration/matrix';

const RUNS = Number(process.env.FUZZ_RUNS ?? 24);
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);

describe(`${RUNS} hostile inputs per operation of the API (seed ${SEED})`, () => {
  let world: World;
  const results: FuzzResult[] = [];
  beforeAll(async () => {
    world = await buildWorld();
  });
  afterAll(() => {
    if (results.length) console.log(`\n${statusTable(results)}\n`);
  });

  it.each(apiRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s',
    async (_, route) => {
      await refreshCookies(world);
      const inputs = await hostileInputs(route, world, RUNS, SEED);
      const mine: FuzzResult[] = [];
      for (const input of inputs) mine.push(await send(route, world, input));
      results.push(...mine);

      const broken = mine.flatMap((r) =>
        problemsWith(r).map(
          (p) => `${p}: ${r.input.subject} ${JSON.stringify(r.input.mutation).slice(0, 300)}`,
        ),
      );
      const audited = await auditedRefusals(mine);
      for (const r of mine.filter(mustBeAudited)) {
        const events = audited.get(String(r.body?.requestId)) ?? 0;
        if (events !== 1) {
          broken.push(
            `a ${r.status} audited ${events} times: ${r.input.subject} ${JSON.stringify(r.input.mutation).slice(0, 300)}`,
          );
        }
      }
      expect(broken.slice(0, 20)).toEqual([]);
      expect(mine).toHaveLength(RUNS);
    },
    // A full run (300 per operation) takes minutes on a busy machine.
    Math.max(60_000, RUNS * 2_000),
  );

  it('left no prototype polluted', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('isAdmin');
  });
});
