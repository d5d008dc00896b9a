import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import {
  AddCareTeamMemberForm,
  type ClinicianOption,
} from '@/components/admin/add-care-team-member-form';
import { CareTeamMembers } from '@/components/admin/care-team-members';
import { ContactForm } from '@/components/contact/contact-form';
import { BackLink } from '@/components/layout/back-link';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import type { Viewer } from '@/lib/auth/viewer';
import { listUsers } from '@/lib/data/admin';
import { getContact } from '@/lib/data/contact';
import { getPatient } from '@/lib/data/patients';
import { NotFoundError } from '@/lib/errors';

export const metadata: Metadata = { title: 'Care team' };

// A select stays usable up to a few hundred names; past that the page says the list is cut.
const MAX_CLINICIAN_PAGES = 5;

async function activeClinicians(
  viewer: Viewer,
  role: ClinicianOption['role'],
): Promise<{ clinicians: ClinicianOption[]; isComplete: boolean }> {
  const clinicians: ClinicianOption[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_CLINICIAN_PAGES; page += 1) {
    const result = await listUsers(viewer, { role, cursor, limit: 100 });
    for (const user of result.items) {
      if (user.isActive) clinicians.push({ id: user.id, name: user.name, role });
    }
    if (!result.nextCursor) return { clinicians, isComplete: true };
    cursor = result.nextCursor;
  }
  return { clinicians, isComplete: false };
}

export default async function CareTeamPage({ params }: { params: Promise<{ patientId: string }> }) {
  const viewer = await requireRole('ADMIN');
  const { patientId } = await params;
  const patient = await getPatient(viewer, patientId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [prescribers, therapists, contact] = await Promise.all([
    activeClinicians(viewer, 'PRESCRIBER'),
    activeClinicians(viewer, 'THERAPIST'),
    getContact(viewer, patient.id),
  ]);
  const onTeam = new Set(patient.careTeam.map((m) => m.clinicianId));
  const available = [...prescribers.clinicians, ...therapists.clinicians].filter(
    (c) => !onTeam.has(c.id),
  );

  return (
    <>
      <BackLink href="/admin" placement="above">
        ← Users and care teams
      </BackLink>
      <PageHeader title={`${patient.name}’s care team`}>
        <p>
          The clinicians on a patient’s active care team can see and work on that patient’s record;
          no one else can. Changes take effect at once. Clinical records are not shown here.
        </p>
      </PageHeader>
      <div className="space-y-6">
        <Card
          title="Active members"
          titleId="members-heading"
          description="Ending a membership removes the clinician’s access to this patient."
        >
          <CareTeamMembers
            patientId={patient.id}
            patientName={patient.name}
            members={patient.careTeam}
          />
        </Card>
        <Card
          title="Add a clinician"
          titleId="add-member-heading"
          description="Active prescribers and therapists of your organization who are not on this team."
        >
          <AddCareTeamMemberForm patientId={patient.id} clinicians={available} />
          {prescribers.isComplete && therapists.isComplete ? null : (
            <p className="mt-3 text-sm text-amber-900">
              Only the first {MAX_CLINICIAN_PAGES * 100} prescribers and therapists, by name, are
              listed.
            </p>
          )}
        </Card>
        <Card
          title="Contact details"
          titleId="contact-heading"
          description="The patient’s phone and emergency contact, for the front desk and the care team."
        >
          <ContactForm patientId={patient.id} initial={contact} audience="staff" />
        </Card>
      </div>
    </>
  );
}
