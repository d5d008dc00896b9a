import type { Metadata } from 'next';
import { CheckInForm } from '@/components/check-ins/check-in-form';
import { CrisisNumbers } from '@/components/layout/crisis-line';
import { openOwnRecord } from '@/components/pages/own-record';
import { PageHeader } from '@/components/ui/page-header';
import { getCheckInForm } from '@/lib/data/check-ins';

export const metadata: Metadata = { title: 'Check in' };

export default async function CheckInPage() {
  const { viewer, patientId } = await openOwnRecord();
  const form = await getCheckInForm(viewer, patientId);

  return (
    <>
      <PageHeader title="Check in">
        <p>
          How are you today? Your care team reads these to see how you are doing between visits.
        </p>
      </PageHeader>
      <div className="max-w-2xl rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <CheckInForm
          patientId={form.patientId}
          watchFor={form.watchFor}
          measures={form.measures.map((m) => ({
            goalKey: m.goalKey,
            name: m.name,
            unit: m.unit,
            description: m.patientWording || m.description,
          }))}
          recent={form.recent}
        />
      </div>
      <aside
        aria-label="If you need help now"
        className="mt-6 max-w-2xl rounded-lg bg-slate-100 p-4 text-sm text-slate-800"
      >
        Check-ins are not read right away. If you are in crisis, call or text{' '}
        <CrisisNumbers tone="plain" /> in an emergency.
      </aside>
    </>
  );
}
