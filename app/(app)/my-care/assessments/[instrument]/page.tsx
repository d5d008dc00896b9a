import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AssessmentForm } from '@/components/assessments/assessment-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { INSTRUMENT_TEXT, instrumentFromSlug } from '@/lib/clinical/assessment-items';

type Params = { params: Promise<{ instrument: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const instrument = instrumentFromSlug((await params).instrument);
  return { title: instrument ? INSTRUMENT_TEXT[instrument].name : 'Questionnaire' };
}

export default async function AssessmentPage({ params }: Params) {
  const viewer = await requireRole('PATIENT');
  const instrument = instrumentFromSlug((await params).instrument);
  if (!viewer.patientId || !instrument) notFound();
  const text = INSTRUMENT_TEXT[instrument];

  return (
    <>
      <PageHeader title={text.name}>
        <p>{text.about} There are no right or wrong answers. It takes about two minutes.</p>
      </PageHeader>
      <div className="max-w-3xl rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <AssessmentForm patientId={viewer.patientId} text={text} />
      </div>
      <p className="mt-6">
        <Link href="/my-care/assessments" className="font-medium text-teal-800 underline">
          Back to questionnaires
        </Link>
      </p>
    </>
  );
}
