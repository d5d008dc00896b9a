import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { listAuditEvents } from '@/lib/data/audit-events';
import { createCareTeam, createUser, viewerFor } from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';

async function clinic() {
  const team = await createCareTeam(db, { passwordHash: null });
  const admin = await createUser(db, team.organization, { role: 'ADMIN', passwordHash: null });
  const elsewhere = await createCareTeam(db, { passwordHash: null });
  return { ...team, admin, elsewhere };
}

type Row = { id: string; seq: string; actorId: string | null; patientId: string | null };

const events = (cookie: string, query: Record<string, string> = {}) =>
  callApi({ method: 'GET', path: '/api/v1/audit-events', query, cookie });

const profile = async (patientId: string, viewer: Parameters<typeof sessionCookie>[0]) =>
  callApi({
    method: 'GET',
    path: '/api/v1/patients/{patientId}',
    params: { patientId },
    cookie: await sessionCookie(viewer),
  });

describe('GET /api/v1/audit-events', () => {
  it('lists the organization’s events only, newest first, with names', async () => {
    const c = await clinic();
    await profile(c.patient.id, c.prescriber);
    await profile(c.patient.id, c.elsewhere.prescriber); // denied, recorded in the other org
    await profile(c.elsewhere.patient.id, c.elsewhere.therapist);

    const result = await events(await sessionCookie(c.admin), { limit: '100' });
    expect(result.status).toBe(200);
    const rows: (Row & { organizationId: string })[] = result.body.items;
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.organizationId))).toEqual(new Set([c.organization.id]));
    const seqs = rows.map((r) => BigInt(r.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
    expect(result.body.items[0]).toMatchObject({
      actorId: c.prescriber.id,
      actorName: c.prescriber.name,
      patientId: c.patient.id,
      patientName: c.patient.account.name,
      action: 'read',
      resourceType: 'patient',
      outcome: 'ALLOWED',
      hash: expect.any(String),
    });
    expect(result.text).not.toContain(c.elsewhere.patient.id);
  });

  it('filters by patient, actor and time, and pages by cursor', async () => {
    const c = await clinic();
    const start = new Date();
    for (let i = 0; i < 3; i++) await profile(c.patient.id, c.prescriber);
    await profile(c.patient.id, c.therapist);
    const cookie = await sessionCookie(c.admin);

    const byActor = await events(cookie, { actorId: c.therapist.id });
    expect(byActor.body.items.map((r: Row) => r.actorId)).toEqual([c.therapist.id]);

    const byPatient = await events(cookie, { patientId: c.patient.id, limit: '100' });
    expect(byPatient.body.items).toHaveLength(4);

    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await events(cookie, { from: future })).body.items).toEqual([]);
    const window = await events(cookie, {
      from: start.toISOString(),
      to: future,
      actorId: c.prescriber.id,
    });
    expect(window.body.items).toHaveLength(3);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Row[]; nextCursor: string | null } } = await events(cookie, {
        actorId: c.prescriber.id,
        limit: '2',
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.body.items.map((r) => r.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
  });

  it('is itself audited, as an access to the patient it was filtered by', async () => {
    const c = await clinic();
    await listAuditEvents(viewerFor(c.admin), { patientId: c.patient.id });
    await listAuditEvents(viewerFor(c.admin), { patientId: c.elsewhere.patient.id });
    const own = await db.auditEvent.findMany({
      where: { actorId: c.admin.id },
      orderBy: { seq: 'asc' },
    });
    expect(own).toHaveLength(2);
    expect(own[0]).toMatchObject({
      action: 'list',
      resourceType: 'auditEvent',
      patientId: c.patient.id,
    });
    // Another organization's patient id is not recorded as a patient of this one.
    expect(own[1]).toMatchObject({ patientId: null });
    expect(
      (await listAuditEvents(viewerFor(c.admin), { patientId: c.elsewhere.patient.id })).items,
    ).toEqual([]);
  });

  it('refuses bad filters and foreign cursors with field paths', async () => {
    const c = await clinic();
    const cookie = await sessionCookie(c.admin);
    const foreign = await db.auditEvent.create({
      data: {
        organizationId: c.elsewhere.organization.id,
        action: 'read',
        resourceType: 'test',
        outcome: 'ALLOWED',
      },
    });
    const cases: [Record<string, string>, string][] = [
      [{ from: 'yesterday' }, 'from'],
      [{ to: '2026-01-01' }, 'to'],
      [{ patientId: 'x' }, 'patientId'],
      [{ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'to'],
      [{ cursor: foreign.id }, 'cursor'],
      [{ organizationId: c.elsewhere.organization.id }, 'organizationId'],
    ];
    for (const [query, path] of cases) {
      const result = await events(cookie, query);
      expect(result.status, JSON.stringify(query)).toBe(400);
      expect(result.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
  });
});
