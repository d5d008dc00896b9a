// The authorization matrix of the page-only reads as data: every lib/data read that only pages
// call (no /api/v1 route, so no row in tests/integration/api-matrix.test.ts) x every kind of
// signed-in reader, each cell run against the real function and a real database in the world of
// the route matrix, its audit counted.
//
// A new page-only read adds ONE row to tests/integration/page-reads/<area>.ts, e.g.
//   { name: 'getChartHeader', pages: ['patients/[patientId]/layout.tsx'], read: (viewer, w) => getChartHeader(viewer, w.team.patient.id), expect: careTeam },
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { DomainError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { viewerFor } from '@/tests/factories';
import { buildWorld, type World } from '@/tests/integration/matrix';
import { accountId } from '@/tests/support/matrix';
import { READERS, pageReads, type Outcome } from '@/tests/integration/page-reads';

async function outcomeOf(run: () => Promise<unknown>): Promise<[Outcome, unknown]> {
  try {
    return ['allowed', await run()];
  } catch (error) {
    if (error instanceof NotFoundError) return ['notFound', error];
    if (error instanceof ForbiddenError) return ['forbidden', error];
    throw error;
  }
}

describe('the page-read authorization matrix', () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });

  describe.each(pageReads.map((row) => [row.name, row] as const))('%s', (_, row) => {
    it.each(READERS.map((r) => [r, row.expect[r]] as const))('%s -> %s', async (reader, want) => {
      const user = world.users[reader];
      const actor = accountId(user);
      const before = await db.auditEvent.count({ where: { actorId: actor } });

      const [outcome, result] = await outcomeOf(() => row.read(viewerFor(user), world));

      expect(outcome, result instanceof DomainError ? result.detail : undefined).toBe(want);
      if (outcome === 'allowed') row.shows?.(result, world, reader);
      const after = await db.auditEvent.count({ where: { actorId: actor } });
      const audits =
        typeof row.audits === 'function'
          ? outcome === 'allowed'
            ? row.audits(result)
            : 1
          : row.audits;
      expect(after - before).toBe(audits ?? 1);
    });
  });

  it('gives every row an outcome for every signed-in reader', () => {
    for (const row of pageReads)
      expect(Object.keys(row.expect).sort()).toEqual([...READERS].sort());
  });

  it('names only pages that exist and call the read', () => {
    for (const row of pageReads) {
      for (const page of row.pages) {
        const source = readFileSync(join('app/(app)', page), 'utf8');
        expect(source, `${page} calls ${row.name}`).toContain(row.name);
      }
    }
  });
});

/** Every file under a folder, recursively. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the page-read inventory', () => {
  it('has a row for every lib/data read a page calls that no /api/v1 route calls', () => {
    const imported = (folder: string) =>
      new Set(
        filesUnder(folder).flatMap((file) =>
          [...readFileSync(file, 'utf8').matchAll(/import \{([^}]*)\} from '@\/lib\/data\/[^']+'/g)]
            .flatMap(([, names]) => names!.split(','))
            .map((name) => name.trim())
            .filter((name) => /^(get|list)[A-Z]/.test(name)),
        ),
      );
    const byRoutes = new Set([...imported('app/api'), ...imported('lib/api')]);
    const pageOnly = [...imported('app/(app)')].filter((name) => !byRoutes.has(name));
    const rows = pageReads.map((r) => r.name);
    expect(pageOnly.sort()).toEqual(rows.sort());
  });
});
