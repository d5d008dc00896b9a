// Idempotency-Key on every operation that creates, generated from the OpenAPI registry: each route
// flagged `idempotent` is called as its matrix row's first successful caller would call it, then
// replayed, then reused with another body. A create added later is covered without a line here; a
// POST answering 201 without the flag fails the first test.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { Prisma } from '@/prisma/generated/client';
import { apiRoutes, type ApiRoute } from '@/lib/api/registry';
import { buildWorld, matrix, SUBJECTS, type Row, type World } from '@/tests/integration/matrix';
import { callApi, type ApiCall } from '@/tests/support/api';

const creates = apiRoutes.filter((route) => route.idempotent);

/**
 * Rows per table in one organization (other test files write meanwhile), the audit trail aside: a
 * replay is audited like any request. A table without `organizationId` is counted through its
 * `userId`; Organization and RateLimit hold nothing a create makes.
 */
async function tableCounts(organizationId: string): Promise<Record<string, number>> {
  const columns = await db.$queryRaw<{ name: string; column: string }[]>`
    SELECT table_name AS name, column_name AS column FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name IN ('organizationId', 'userId')
      AND table_name NOT LIKE 'AuditEvent%'`;
  const scopes = new Map<string, Prisma.Sql>();
  for (const { name, column } of columns) {
    if (column === 'organizationId') {
      scopes.set(name, Prisma.sql`"organizationId" = ${organizationId}::uuid`);
    } else if (!scopes.has(name)) {
      scopes.set(
        name,
        Prisma.sql`"userId" IN (SELECT id FROM "User" WHERE "organizationId" = ${organizationId}::uuid)`,
      );
    }
  }
  const counts: Record<string, number> = {};
  for (const [name, where] of [...scopes].sort(([a], [b]) => a.localeCompare(b))) {
    // The table names come from information_schema, not from input.
    const [row] = await db.$queryRaw<{ n: bigint }[]>(
      Prisma.sql`SELECT count(*) AS n FROM ${Prisma.raw(`"${name}"`)} WHERE ${where}`,
    );
    counts[name] = Number(row!.n);
  }
  return counts;
}

const NOT_FREE_TEXT = /^[0-9a-f-]{36}$|^\d{4}-\d{2}-\d{2}|@|^[A-Z0-9_]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The same request with one value changed, still valid: the first free-text string gets a word
 * more; else the first id becomes another; else the first number one more.
 */
function anotherBody(body: unknown): unknown {
  const copy = structuredClone(body);
  const leaves: { holder: Record<string, unknown>; key: string; value: unknown }[] = [];
  const walk = (value: unknown) => {
    if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        leaves.push({ holder: value as Record<string, unknown>, key, value: inner });
        walk(inner);
      }
    }
  };
  walk(copy);
  const text = leaves.find((l) => typeof l.value === 'string' && !NOT_FREE_TEXT.test(l.value));
  const id = leaves.find((l) => typeof l.value === 'string' && UUID.test(l.value));
  const number = leaves.find((l) => typeof l.value === 'number');
  if (text) text.holder[text.key] = `${text.value as string} Again.`;
  else if (id) id.holder[id.key] = randomUUID();
  else if (number) number.holder[number.key] = (number.value as number) + 1;
  else throw new Error('No value to change in this body: give the test another way to vary it.');
  return copy;
}

function rowOf(route: ApiRoute): Row {
  const row = matrix.find((r) => r.method === route.method && r.path === route.path);
  if (!row) throw new Error(`No matrix row for ${route.method} ${route.path}`);
  return row;
}

describe('Idempotency-Key', () => {
  it('is honoured by every POST that answers 201 Created, and more', () => {
    const unflagged = apiRoutes
      .filter((r) => r.method === 'POST' && r.success.status === 201 && !r.idempotent)
      .map((r) => `${r.method} ${r.path}`);
    expect(unflagged, 'set `idempotent: true` and use idempotent() of lib/data').toEqual([]);
    expect(creates.length).toBeGreaterThanOrEqual(12);
  });

  it('is documented on every such operation, with 409 and the replay header', async () => {
    const { body: doc } = await callApi({ method: 'GET', path: '/api/v1/openapi.json' });
    for (const route of apiRoutes) {
      const operation = doc.paths[route.path][route.method.toLowerCase()];
      const header = (operation.parameters ?? []).find(
        (p: { name: string; in: string }) => p.in === 'header' && p.name === 'Idempotency-Key',
      );
      if (!route.idempotent) {
        expect(header, `${route.method} ${route.path}`).toBeUndefined();
        continue;
      }
      expect(header, `${route.method} ${route.path}`).toMatchObject({ required: false });
      expect(Object.keys(operation.responses)).toContain('409');
      expect(operation.responses[route.success.status].headers).toHaveProperty(
        'Idempotent-Replayed',
      );
    }
  });

  describe.each(creates.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s',
    (_, route) => {
      let world: World;
      // A world per test: a check-in is created once a day, updated after.
      beforeEach(async () => {
        world = await buildWorld();
      });

      // The first kind of caller the matrix expects to succeed.
      async function callAs(extra: Partial<ApiCall>, headers?: Record<string, string>) {
        const row = rowOf(route);
        const subject = SUBJECTS.find((s) => row.expect[s] === route.success.status);
        if (!subject) throw new Error(`No caller succeeds at ${route.method} ${route.path}`);
        return callApi({
          method: route.method,
          path: route.path,
          cookie: world.cookies[subject],
          ...extra,
          params: { patientId: world.team.patient.id, ...extra.params },
          headers,
        });
      }
      const fixture = async (): Promise<Partial<ApiCall>> => {
        const row = rowOf(route);
        return row.call ? row.call(world) : {};
      };

      it('replays the first answer for the same key and request, creating one record', async () => {
        const extra = await fixture();
        const key = randomUUID();
        const before = await tableCounts(world.team.organization.id);
        const first = await callAs(extra, { 'Idempotency-Key': key });
        expect(first.status, JSON.stringify(first.body)).toBe(route.success.status);
        expect(first.headers.get('Idempotent-Replayed')).toBeNull();
        const afterFirst = await tableCounts(world.team.organization.id);
        expect(afterFirst).not.toEqual(before);

        const again = await callAs(extra, { 'Idempotency-Key': key });
        expect(again.status).toBe(first.status);
        expect(again.headers.get('Idempotent-Replayed')).toBe('true');
        expect(again.body).toEqual(first.body);
        expect(await tableCounts(world.team.organization.id)).toEqual(afterFirst);
      });

      it('refuses the same key with another request: 409 naming the header, nothing created', async () => {
        const extra = await fixture();
        const key = randomUUID();
        const first = await callAs(extra, { 'Idempotency-Key': key });
        expect(first.status, JSON.stringify(first.body)).toBe(route.success.status);
        // Another body; a route without one gets another fixture (another path), made first.
        const otherRequest =
          extra.body === undefined ? await fixture() : { ...extra, body: anotherBody(extra.body) };
        const before = await tableCounts(world.team.organization.id);

        const other = await callAs(otherRequest, { 'Idempotency-Key': key });
        expect(other.status, JSON.stringify(other.body)).toBe(409);
        expect(other.body.errors).toEqual([
          { path: 'Idempotency-Key', message: expect.any(String) },
        ]);
        expect(await tableCounts(world.team.organization.id)).toEqual(before);
      });

      it('works as before without a key', async () => {
        const first = await callAs(await fixture());
        expect(first.status, JSON.stringify(first.body)).toBe(route.success.status);
        const second = await callAs(await fixture());
        expect(second.status).toBeLessThan(300);
        expect(second.headers.get('Idempotent-Replayed')).toBeNull();
      });
    },
  );
});

describe('a replayed account creation', () => {
  it('answers the same set-password link, which works, though the link is stored nowhere', async () => {
    const world = await buildWorld();
    const key = randomUUID();
    const create = () =>
      callApi({
        method: 'POST',
        path: '/api/v1/users',
        cookie: world.cookies.admin,
        headers: { 'Idempotency-Key': key },
        body: { role: 'THERAPIST', name: 'Robin Link', email: `robin.${key}@example.test` },
      });
    const first = await create();
    const again = await create();
    expect(first.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    const link = new URL(first.body.setPasswordUrl);
    expect(again.body.setPasswordUrl).toBe(first.body.setPasswordUrl);

    const token = link.searchParams.get('token')!;
    const stored = await db.idempotencyKey.findFirstOrThrow({ where: { key } });
    expect(JSON.stringify(stored.responseBody)).not.toContain(token);
    expect(await db.passwordSetToken.count({ where: { userId: first.body.user.id } })).toBe(1);

    const set = await callApi({
      method: 'POST',
      path: '/api/v1/set-password',
      body: { token, password: 'a long enough passphrase' },
    });
    expect(set.status).toBe(204);
  });
});
