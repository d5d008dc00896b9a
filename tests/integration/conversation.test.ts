import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import {
  addToCareTeam,
  createCareTeam,
  createOrganization,
  createPatientMessage,
  createUser,
  readPatientConversation,
  type CareTeam,
} from '@/tests/factories';
import {
  callApi,
  exportedMethods,
  loadRoute,
  sessionCookie,
  type ApiCall,
} from '@/tests/support/api';

const PATH = '/api/v1/patients/{patientId}/conversation';

type Call = Omit<Partial<ApiCall>, 'path' | 'params' | 'cookie'>;

/** A call to the patient's conversation as `cookie`: a GET unless `call` says otherwise. */
function conversation(patient: { id: string }, cookie: string, call: Call = {}, rest = '') {
  return callApi({
    method: 'GET',
    path: `${PATH}${rest}`,
    params: { patientId: patient.id },
    cookie,
    ...call,
  });
}

const write = (patient: { id: string }, cookie: string, body: unknown, headers = {}) =>
  conversation(patient, cookie, { method: 'POST', body, headers });
const markRead = (patient: { id: string }, cookie: string) =>
  conversation(patient, cookie, { method: 'POST' }, '/read');

/** A care team with a second therapist, and everyone's session. */
async function world() {
  const team = await createCareTeam(db, { passwordHash: null });
  const second = await createUser(db, team.organization, { role: 'THERAPIST', passwordHash: null });
  await addToCareTeam(db, team.patient, second);
  return {
    team,
    second,
    patient: await sessionCookie(team.patient),
    prescriber: await sessionCookie(team.prescriber),
    therapist: await sessionCookie(team.therapist),
    secondTherapist: await sessionCookie(second),
  };
}

const items = (team: CareTeam) =>
  db.notification.findMany({
    where: { patientId: team.patient.id, kind: 'PATIENT_MESSAGE' },
    orderBy: { createdAt: 'asc' },
  });

describe('the patient–care team conversation', () => {
  it('lets the patient and every active clinician of the team read and write, newest last', async () => {
    const w = await world();
    const posted = await write(w.team.patient, w.patient, {
      body: '  Can I sleep in on Saturdays?\n',
    });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({
      body: 'Can I sleep in on Saturdays?',
      author: { id: w.team.patient.account.id, role: 'PATIENT' },
      mine: true,
    });
    const reply = await write(w.team.patient, w.therapist, { body: 'An hour is fine.' });
    expect(reply.status).toBe(201);
    expect(reply.body.author).toMatchObject({ id: w.team.therapist.id, role: 'THERAPIST' });
    expect((await write(w.team.patient, w.prescriber, { body: 'Agreed.' })).status).toBe(201);

    const seen = await conversation(w.team.patient, w.secondTherapist);
    expect(seen.status).toBe(200);
    expect(seen.headers.get('cache-control')).toContain('no-store');
    expect(seen.body.items.map((m: { body: string }) => m.body)).toEqual([
      'Can I sleep in on Saturdays?',
      'An hour is fine.',
      'Agreed.',
    ]);
    expect(seen.body.items.every((m: { mine: boolean }) => !m.mine)).toBe(true);
    const mine = await conversation(w.team.patient, w.patient);
    expect(mine.body.items.map((m: { mine: boolean }) => m.mine)).toEqual([true, false, false]);
  });

  it('refuses admins (403), anyone off the team or in another organization (404), and a clinician whose membership ended', async () => {
    const w = await world();
    await createPatientMessage(db, w.team.patient, w.team.patient.account, { body: 'Hello.' });
    const admin = await createUser(db, w.team.organization, { role: 'ADMIN', passwordHash: null });
    const offTeam = await createUser(db, w.team.organization, {
      role: 'PRESCRIBER',
      passwordHash: null,
    });
    const elsewhere = await createCareTeam(db, {
      organization: await createOrganization(db),
      passwordHash: null,
    });
    const refusals: [string, number][] = [
      [await sessionCookie(admin), 403],
      [await sessionCookie(offTeam), 404],
      [await sessionCookie(elsewhere.therapist), 404],
      [await sessionCookie(elsewhere.patient), 404],
    ];
    for (const [cookie, status] of refusals) {
      expect((await conversation(w.team.patient, cookie)).status).toBe(status);
      expect((await write(w.team.patient, cookie, { body: 'Let me in.' })).status).toBe(status);
      expect((await markRead(w.team.patient, cookie)).status).toBe(status);
    }
    // A message cannot be edited or deleted: the routes have no such method.
    expect(exportedMethods(await loadRoute(PATH))).toEqual(['GET', 'POST']);
    expect(exportedMethods(await loadRoute(`${PATH}/read`))).toEqual(['POST']);

    expect((await conversation(w.team.patient, w.secondTherapist)).status).toBe(200);
    await db.careTeamMembership.updateMany({
      where: { patientId: w.team.patient.id, clinicianId: w.second.id },
      data: { endedAt: new Date() },
    });
    expect((await conversation(w.team.patient, w.secondTherapist)).status).toBe(404);
    expect((await write(w.team.patient, w.secondTherapist, { body: 'Still here?' })).status).toBe(
      404,
    );
    // Nor does the former member get an item for what the patient writes next.
    const next = await write(w.team.patient, w.patient, { body: 'Another question.' });
    const told = (await items(w.team))
      .filter((n) => n.subjectId === next.body.id)
      .map((n) => n.recipientId);
    expect(told.sort()).toEqual([w.team.prescriber.id, w.team.therapist.id].sort());
    expect(told).not.toContain(admin.id);
    expect(await db.patientMessage.count({ where: { patientId: w.team.patient.id } })).toBe(2);
    // Denials are audited.
    const denied = await db.auditEvent.count({
      where: { actorId: admin.id, resourceType: 'conversation', outcome: 'DENIED' },
    });
    expect(denied).toBe(3);
  });

  it('refuses bad input with a 400 on the field, and writes nothing', async () => {
    const w = await world();
    for (const body of [
      { body: '' },
      { body: ' \n\t ' },
      { body: 'x'.repeat(4001) },
      { body: 'bell\u0007' },
      { body: 'nul\u0000' },
      { body: 42 },
      { text: 'Hi' },
      {},
    ]) {
      const refused = await write(w.team.patient, w.patient, body);
      expect(refused.status, JSON.stringify(body).slice(0, 40)).toBe(400);
    }
    const blank = await write(w.team.patient, w.patient, { body: '   ' });
    expect(blank.body.errors).toEqual([{ path: 'body', message: 'Write a message.' }]);
    expect((await write(w.team.patient, w.patient, { body: 'x'.repeat(4000) })).status).toBe(201);
    expect(await db.patientMessage.count({ where: { patientId: w.team.patient.id } })).toBe(1);
    expect((await conversation(w.team.patient, w.patient, { query: { limit: '0' } })).status).toBe(
      400,
    );
    expect(
      (await conversation(w.team.patient, w.patient, { query: { cursor: 'nope' } })).status,
    ).toBe(400);
  });

  it('writes once per Idempotency-Key, and a replay tells nobody again', async () => {
    const w = await world();
    const headers = { 'Idempotency-Key': crypto.randomUUID() };
    const first = await write(w.team.patient, w.patient, { body: 'Just once.' }, headers);
    const again = await write(w.team.patient, w.patient, { body: 'Just once.' }, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await db.patientMessage.count({ where: { patientId: w.team.patient.id } })).toBe(1);
    expect(await items(w.team)).toHaveLength(3);
    const other = await write(w.team.patient, w.patient, { body: 'Something else.' }, headers);
    expect(other.status).toBe(409);
  });

  it('pages back through the conversation with a cursor, each page oldest first', async () => {
    const w = await world();
    for (let i = 1; i <= 5; i += 1) {
      const author = i % 2 ? w.team.patient.account : w.team.therapist;
      await createPatientMessage(db, w.team.patient, author, { body: `Message ${i}` });
    }
    const bodies = (page: { body: { items: { body: string }[] } }) =>
      page.body.items.map((m) => m.body);
    const newest = await conversation(w.team.patient, w.prescriber, { query: { limit: '2' } });
    expect(bodies(newest)).toEqual(['Message 4', 'Message 5']);
    const middle = await conversation(w.team.patient, w.prescriber, {
      query: { limit: '2', cursor: newest.body.nextCursor },
    });
    expect(bodies(middle)).toEqual(['Message 2', 'Message 3']);
    const oldest = await conversation(w.team.patient, w.prescriber, {
      query: { limit: '2', cursor: middle.body.nextCursor },
    });
    expect(bodies(oldest)).toEqual(['Message 1']);
    expect(oldest.body.nextCursor).toBeNull();
    // A cursor from another patient's conversation is refused, never a peek.
    const other = await world();
    const foreign = await createPatientMessage(db, other.team.patient, other.team.therapist);
    const peek = await conversation(w.team.patient, w.prescriber, {
      query: { cursor: foreign.id },
    });
    expect(peek.status).toBe(400);
  });

  it('counts unread messages on both sides, and reading clears them and the reader’s inbox items', async () => {
    const w = await world();
    const start = Date.now() - 60_000;
    const at = (seconds: number) => new Date(start + seconds * 1000);
    const { account } = w.team.patient;
    await createPatientMessage(db, w.team.patient, account, { body: 'One', createdAt: at(1) });
    await createPatientMessage(db, w.team.patient, account, { body: 'Two', createdAt: at(2) });
    const unread = async (cookie: string) =>
      (await conversation(w.team.patient, cookie)).body.unread;
    expect(await unread(w.therapist)).toBe(2);
    expect(await unread(w.prescriber)).toBe(2);
    expect(await unread(w.patient)).toBe(0);

    // Listing does not mark read; marking does, with the reader's inbox items.
    expect(await unread(w.therapist)).toBe(2);
    const read = await markRead(w.team.patient, w.therapist);
    expect(read.status).toBe(200);
    expect(read.body.unread).toBe(0);
    expect(await unread(w.therapist)).toBe(0);
    expect(await unread(w.prescriber)).toBe(2);
    const therapistItems = await db.notification.findMany({
      where: { recipientId: w.team.therapist.id, patientId: w.team.patient.id },
    });
    expect(therapistItems).toHaveLength(2);
    expect(therapistItems.every((n) => n.readAt !== null)).toBe(true);

    // The therapist replies: the patient has one unread; the therapist's reply is not unread for them.
    await write(w.team.patient, w.therapist, { body: 'Three' });
    expect(await unread(w.patient)).toBe(1);
    expect(await unread(w.therapist)).toBe(0);
    expect(await unread(w.prescriber)).toBe(3);
    expect((await markRead(w.team.patient, w.patient)).body.unread).toBe(0);
    expect(await unread(w.patient)).toBe(0);

    // Marking read never goes back in time.
    await readPatientConversation(db, w.team.therapist, w.team.patient, at(0));
    expect(await unread(w.therapist)).toBe(0);
    // Marking twice is the same as once; each mark is audited as a read of the conversation.
    await markRead(w.team.patient, w.patient);
    const audited = await db.auditEvent.findMany({
      where: { actorId: account.id, resourceType: 'conversation', action: 'read' },
    });
    expect(audited.map((e) => [e.patientId, e.outcome])).toEqual([
      [w.team.patient.id, 'ALLOWED'],
      [w.team.patient.id, 'ALLOWED'],
    ]);
  });

  it('tells the right people through the inbox, never the author, and never with the text', async () => {
    const w = await world();
    await write(w.team.patient, w.patient, { body: 'My private worry about sertraline.' });
    let told = await items(w.team);
    expect(told.map((n) => n.recipientId).sort()).toEqual(
      [w.team.prescriber.id, w.team.therapist.id, w.second.id].sort(),
    );
    for (const item of told) {
      expect(item).toMatchObject({
        summary: 'New message from the patient.',
        link: `/patients/${w.team.patient.id}/conversation`,
        urgent: false,
        actorId: w.team.patient.account.id,
      });
    }

    await db.notification.deleteMany({ where: { patientId: w.team.patient.id } });
    await write(w.team.patient, w.therapist, { body: 'About sertraline: let us talk Thursday.' });
    told = await items(w.team);
    expect(told.map((n) => n.recipientId).sort()).toEqual(
      [w.team.patient.account.id, w.team.prescriber.id, w.second.id].sort(),
    );
    const forPatient = told.find((n) => n.recipientId === w.team.patient.account.id)!;
    expect(forPatient).toMatchObject({
      summary: 'A new message from your care team.',
      link: '/my-care/messages',
    });
    const forPrescriber = told.find((n) => n.recipientId === w.team.prescriber.id)!;
    expect(forPrescriber).toMatchObject({
      summary: `${w.team.therapist.name} wrote in the conversation with the patient.`,
      link: `/patients/${w.team.patient.id}/conversation`,
    });
    for (const item of told) expect(item.summary).not.toMatch(/sertraline|Thursday/);
    // The patient's own inbox lists it, in plain words.
    const inbox = await callApi({
      method: 'GET',
      path: '/api/v1/notifications',
      cookie: w.patient,
    });
    expect(inbox.body.items.map((n: { summary: string }) => n.summary)).toContain(
      'A new message from your care team.',
    );
  });
});
