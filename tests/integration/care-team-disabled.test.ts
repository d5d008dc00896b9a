// A disabled clinician on a care team: shown as no longer active wherever the team is shown, and
// flagged for the admin to replace.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { disableAccount } from '@/lib/data/admin';
import { getChartHeader } from '@/lib/data/chart';
import { getMyCareSummary } from '@/lib/data/my-care';
import { getOrganizationOverview } from '@/lib/data/organization';
import { getPatient } from '@/lib/data/patients';
import { createCareTeam, createUser, viewerFor } from '@/tests/factories';
import { readAsPatient } from '@/tests/support/access-log';

async function teamWithDisabledPrescriber() {
  const team = await createCareTeam(db);
  const admin = await createUser(db, team.organization, { role: 'ADMIN' });
  await disableAccount(viewerFor(admin), team.prescriber.id);
  return { ...team, admin };
}

describe('a disabled clinician on a care team', () => {
  it('is no longer active in the patient’s My care team list', async () => {
    const { patient, prescriber, therapist } = await teamWithDisabledPrescriber();
    const summary = await getMyCareSummary(viewerFor(patient));
    expect(summary.careTeam).toEqual(
      expect.arrayContaining([
        { id: prescriber.id, name: prescriber.name, role: 'PRESCRIBER', isActive: false },
        { id: therapist.id, name: therapist.name, role: 'THERAPIST', isActive: true },
      ]),
    );
    expect(summary.careTeam).toHaveLength(2);
  });

  it('is no longer active in the chart header the therapist sees', async () => {
    const { patient, prescriber, therapist } = await teamWithDisabledPrescriber();
    const header = await getChartHeader(viewerFor(therapist), patient.id);
    expect(header.careTeam.find((m) => m.clinicianId === prescriber.id)).toMatchObject({
      isActive: false,
    });
    expect(header.careTeam.find((m) => m.clinicianId === therapist.id)).toMatchObject({
      isActive: true,
    });
  });

  it('is no longer active in the patient API’s care team, for the patient as for the admin', async () => {
    const { patient, prescriber, admin } = await teamWithDisabledPrescriber();
    const body = await readAsPatient(patient, '/api/v1/patients/{patientId}');
    const member = (body.careTeam as { clinicianId: string; isActive: boolean }[]).find(
      (m) => m.clinicianId === prescriber.id,
    );
    expect(member).toMatchObject({ isActive: false, endedAt: null });
    const forAdmin = await getPatient(viewerFor(admin), patient.id);
    expect(forAdmin.careTeam.filter((m) => !m.isActive).map((m) => m.clinicianId)).toEqual([
      prescriber.id,
    ]);
  });

  it('raises a flag on the admin’s overview to assign someone else', async () => {
    const { organization, patient, prescriber, admin } = await teamWithDisabledPrescriber();
    const healthy = await createCareTeam(db, { organization });
    const overview = await getOrganizationOverview(viewerFor(admin));
    expect(overview.teamsWithDisabledClinicians).toBe(1);
    const team = overview.careTeams.items.find((t) => t.patientId === patient.id);
    expect(team?.clinicians.find((c) => c.id === prescriber.id)).toMatchObject({
      isActive: false,
    });
    const fine = overview.careTeams.items.find((t) => t.patientId === healthy.patient.id);
    expect(fine?.clinicians.every((c) => c.isActive)).toBe(true);
  });

  it('stops being flagged once the admin ends the membership', async () => {
    const { patient, admin, memberships } = await teamWithDisabledPrescriber();
    await db.careTeamMembership.update({
      where: { id: memberships[0]!.id },
      data: { endedAt: new Date() },
    });
    const overview = await getOrganizationOverview(viewerFor(admin));
    expect(overview.teamsWithDisabledClinicians).toBe(0);
    const summary = await getMyCareSummary(viewerFor(patient));
    expect(summary.careTeam.map((m) => m.role)).toEqual(['THERAPIST']);
  });
});
