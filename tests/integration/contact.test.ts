// Contact details: the patient, their care team and their organization's admins read and edit
// them; nobody else sees that they exist; bad input is a 400 next to the field and changes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getContact, putContact } from '@/lib/data/contact';
import { NotFoundError } from '@/lib/errors';
import {
  createCareTeam,
  createContact,
  createOrganization,
  createUser,
  viewerFor,
  type CareTeam,
} from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';

const PATH = '/api/v1/patients/{patientId}/contact';

const FULL = {
  phone: '(555) 010-0142',
  preferredContact: 'TEXT',
  emergencyName: 'Robin Hayes',
  emergencyRelationship: 'Partner',
  emergencyPhone: '+1 555 010 0177',
} as const;

describe('contact details', () => {
  let team: CareTeam;
  let patientCookie: string;

  beforeAll(async () => {
    team = await createCareTeam(db, { passwordHash: null });
    patientCookie = await sessionCookie(team.patient);
  });

  const put = (body: unknown, cookie = patientCookie) =>
    callApi({ method: 'PUT', path: PATH, params: { patientId: team.patient.id }, cookie, body });

  it('are all null before anyone writes them', async () => {
    const fresh = await createCareTeam(db, { passwordHash: null });
    const contact = await getContact(viewerFor(fresh.patient), fresh.patient.id);
    expect(contact).toEqual({
      phone: null,
      preferredContact: null,
      emergencyName: null,
      emergencyRelationship: null,
      emergencyPhone: null,
      updatedAt: null,
      updatedBy: null,
    });
  });

  it('are written by the patient and read back by the care team, with who changed them', async () => {
    const saved = await put(FULL);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ...FULL, updatedBy: { id: team.patient.account.id } });
    const read = await getContact(viewerFor(team.therapist), team.patient.id);
    expect(read).toMatchObject(FULL);
    const audit = await db.auditEvent.findFirst({
      where: { actorId: team.patient.account.id, resourceType: 'contact', action: 'update' },
    });
    expect(audit).toMatchObject({ patientId: team.patient.id, outcome: 'ALLOWED' });
  });

  it('take back what GET answered, and clear a field left out', async () => {
    const got = await callApi({
      method: 'GET',
      path: PATH,
      params: { patientId: team.patient.id },
      cookie: patientCookie,
    });
    expect(got.headers.get('cache-control')).toBe('no-store');
    expect((await put({ ...got.body, preferredContact: 'EMAIL' })).status).toBe(200);
    const cleared = await put({ phone: '555 010 0142' });
    expect(cleared.body).toMatchObject({ phone: '555 010 0142', emergencyName: null });
  });

  it.each([
    [{ phone: 'call me' }, 'phone'],
    [{ phone: '12345' }, 'phone'],
    [{ phone: '(555) 010-0142 ext. 12345678' }, 'phone'],
    [{ phone: '-- -- -- --' }, 'phone'],
    [{ emergencyName: 'Robin Hayes' }, 'emergencyPhone'],
    [{ emergencyPhone: '555 010 0177' }, 'emergencyName'],
    [{ emergencyRelationship: 'Partner' }, 'emergencyName'],
    [{ preferredContact: 'PHONE' }, 'phone'],
    [{ preferredContact: 'PIGEON', phone: '555 010 0142' }, 'preferredContact'],
    [{ phone: '555 010 0142', fax: '555 010 0143' }, 'fax'],
    [{ emergencyName: '<b>Robin</b>', emergencyPhone: '555 010 0177' }, 'emergencyName'],
  ])('refuse %j with a 400 on %s and change nothing', async (body, path) => {
    await put(FULL);
    const before = await db.patientContact.findUniqueOrThrow({
      where: { patientId: team.patient.id },
    });
    const refused = await put(body);
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    const after = await db.patientContact.findUniqueOrThrow({
      where: { patientId: team.patient.id },
    });
    expect(after).toEqual(before);
    const refusal = await db.auditEvent.findFirst({
      where: { actorId: team.patient.account.id, detail: 'invalid-input' },
      orderBy: { seq: 'desc' },
    });
    expect(refusal).toMatchObject({ resourceType: 'contact', action: 'update', outcome: 'FAILED' });
  });

  it('are edited by the admin of the organization, and by the prescriber on the team', async () => {
    const admin = await createUser(db, team.organization, { role: 'ADMIN', passwordHash: null });
    const byAdmin = await put({ ...FULL, phone: '555 010 0111' }, await sessionCookie(admin));
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.updatedBy).toMatchObject({ id: admin.id, role: 'ADMIN' });
    const byPrescriber = await putContact(viewerFor(team.prescriber), team.patient.id, FULL);
    expect(byPrescriber.updatedBy?.id).toBe(team.prescriber.id);
  });

  it('are not found for a clinician off the team, an admin of another organization or another patient', async () => {
    await createContact(db, team.patient, team.therapist);
    const offTeam = await createUser(db, team.organization, {
      role: 'THERAPIST',
      passwordHash: null,
    });
    const otherOrg = await createOrganization(db);
    const otherAdmin = await createUser(db, otherOrg, { role: 'ADMIN', passwordHash: null });
    const other = await createCareTeam(db, { organization: team.organization, passwordHash: null });
    for (const outsider of [offTeam, otherAdmin, other.patient]) {
      await expect(getContact(viewerFor(outsider), team.patient.id)).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(
        putContact(viewerFor(outsider), team.patient.id, { phone: '555 010 0100' }),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    const row = await db.patientContact.findUniqueOrThrow({
      where: { patientId: team.patient.id },
    });
    expect(row.phone).toBe('(312) 555-0100');
  });
});
