import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getOrganizationOverview } from '@/lib/data/organization';
import { ForbiddenError } from '@/lib/errors';
import * as factories from '@/tests/factories';
import { readEvents } from '@/tests/support/audit';
import { daysFromToday } from '@/tests/factories';

describe('getOrganizationOverview', () => {
  it('lists the organization’s users and active care teams, and nothing of other organizations', async () => {
    const team = await factories.createCareTeam(db);
    const { organization, prescriber, therapist, patient } = team;
    const admin = await factories.createUser(db, organization, { role: 'ADMIN' });
    const disabled = await factories.createUser(db, organization, {
      role: 'THERAPIST',
      disabledAt: new Date(),
    });
    await factories.addToCareTeam(db, patient, disabled, {
      startedAt: daysFromToday(-90),
      endedAt: daysFromToday(-10),
    });
    const other = await factories.createCareTeam(db);

    const overview = await getOrganizationOverview(factories.viewerFor(admin));

    expect(overview.organization).toEqual({ id: organization.id, name: organization.name });
    expect(overview.users.items.map((u) => u.id).sort()).toEqual(
      [prescriber.id, therapist.id, patient.account.id, admin.id, disabled.id].sort(),
    );
    expect(overview.users.total).toBe(5);
    expect(overview.users.items.find((u) => u.id === disabled.id)?.isActive).toBe(false);
    expect(overview.users.items.find((u) => u.id === admin.id)).toEqual({
      id: admin.id,
      name: admin.name,
      email: admin.email,
      role: 'ADMIN',
      isActive: true,
    });

    expect(overview.careTeams.items).toHaveLength(1);
    const [care] = overview.careTeams.items;
    expect(care?.patientId).toBe(patient.id);
    expect(care?.clinicians.map((c) => c.id).sort()).toEqual([prescriber.id, therapist.id].sort());

    const text = JSON.stringify(overview);
    for (const id of [other.prescriber.id, other.patient.id, other.organization.id]) {
      expect(text).not.toContain(id);
    }
  });

  it('carries no clinical content', async () => {
    const { organization, prescriber, patient } = await factories.createCareTeam(db);
    const admin = await factories.createUser(db, organization, { role: 'ADMIN' });
    await factories.createTreatmentPlan(db, patient, prescriber, {
      patientGoalsOwnWords: 'A sentence only the care team should read.',
    });
    await factories.recordMedicationChanges(db, patient, prescriber, [
      { action: 'START', medication: 'Escitalopram', dose: 10 },
    ]);
    await factories.createCheckIn(db, patient, { note: 'A private check-in note.' });
    await factories.createAssessment(db, patient);

    const overview = await getOrganizationOverview(factories.viewerFor(admin));

    for (const user of overview.users.items) {
      expect(Object.keys(user).sort()).toEqual(['email', 'id', 'isActive', 'name', 'role']);
    }
    for (const care of overview.careTeams.items) {
      expect(Object.keys(care).sort()).toEqual(['clinicians', 'patientId', 'patientName']);
      for (const clinician of care.clinicians) {
        expect(Object.keys(clinician).sort()).toEqual(['id', 'isActive', 'name', 'role']);
      }
    }
    const text = JSON.stringify(overview);
    for (const clinical of [
      'Escitalopram',
      'only the care team',
      'private check-in',
      'dateOfBirth',
    ]) {
      expect(text).not.toContain(clinical);
    }
    expect(JSON.parse(text)).toEqual(overview);
  });

  it('pages users and care teams', async () => {
    const { organization } = await factories.createCareTeam(db);
    const admin = await factories.createUser(db, organization, { role: 'ADMIN' });
    const overview = await getOrganizationOverview(factories.viewerFor(admin), {
      usersPage: 7,
      careTeamsPage: 3,
    });
    expect(overview.users).toMatchObject({ page: 1, total: 4 });
    expect(overview.careTeams).toMatchObject({ page: 1, total: 1 });
    expect(overview.users.items.length).toBeLessThanOrEqual(overview.users.pageSize);
  });

  it('writes an audit event for the read of care-team assignments', async () => {
    const { organization, patient } = await factories.createCareTeam(db);
    const admin = await factories.createUser(db, organization, { role: 'ADMIN' });
    await getOrganizationOverview(factories.viewerFor(admin));
    const events = await readEvents(admin.id, 'careTeam', 'ALLOWED');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      organizationId: organization.id,
      actorRole: 'ADMIN',
      patientId: null,
      patientIds: [patient.id],
    });
  });

  it('refuses clinicians and patients with ForbiddenError, and audits the denial', async () => {
    const { prescriber, therapist, patient } = await factories.createCareTeam(db);
    for (const viewer of [
      factories.viewerFor(prescriber),
      factories.viewerFor(therapist),
      factories.viewerFor(patient),
    ]) {
      await expect(getOrganizationOverview(viewer)).rejects.toBeInstanceOf(ForbiddenError);
      expect(await readEvents(viewer.userId, 'careTeam', 'DENIED')).toHaveLength(1);
    }
  });
});
