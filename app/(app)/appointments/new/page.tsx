import type { Metadata } from 'next';
import { BookingForm, type PatientOption } from '@/components/appointments/booking-form';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import type { Viewer } from '@/lib/auth/viewer';
import { getNotificationPreferences } from '@/lib/data/notifications/preferences';
import { listPatients } from '@/lib/data/patients';

export const metadata: Metadata = { title: 'Book a visit' };

/** The most patients the form lists (ten pages of the patients API). */
const MAX_PAGES = 10;

/** Every patient the viewer may book for: a clinician's own, an admin's whole organization. */
async function patientsFor(viewer: Viewer): Promise<PatientOption[]> {
  const patients: PatientOption[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const list = await listPatients(viewer, { limit: 100, cursor });
    patients.push(...list.items.map((p) => ({ id: p.id, name: p.name })));
    if (!list.nextCursor) break;
    cursor = list.nextCursor;
  }
  return patients;
}

/**
 * Clinicians book for the patients of their care teams, admins for anyone in the organization
 * (appointment.schedule); `?patientId=` chooses the patient. Patients: 404.
 */
export default async function NewAppointmentPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireRole('PRESCRIBER', 'THERAPIST', 'ADMIN');
  const { patientId } = await searchParams;
  const [patients, preferences] = await Promise.all([
    patientsFor(viewer),
    getNotificationPreferences(viewer),
  ]);
  const chosen = patients.find((p) => p.id === patientId)?.id;
  return (
    <>
      <PageHeader title="Book a visit">
        <p>
          A visit is with a clinician on the patient’s care team. The patient hears of it in their
          inbox and, unless they turned reminders off, by email a day and an hour before.
        </p>
      </PageHeader>
      <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        {patients.length === 0 ? (
          <EmptyState title="No patients to book for">
            {viewer.role === 'ADMIN'
              ? 'Add a patient on Users and care teams first.'
              : 'You are not on any patient’s care team yet.'}
          </EmptyState>
        ) : (
          <BookingForm
            patients={patients}
            initialPatientId={chosen}
            timeZone={preferences.timeZone}
          />
        )}
      </div>
    </>
  );
}
