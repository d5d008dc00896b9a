import type { Metadata } from 'next';
import { BackLink } from '@/components/layout/back-link';
import { openOwnRecord } from '@/components/pages/own-record';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Take your record with you' };

const LINK =
  'inline-flex min-h-11 items-center rounded-md bg-teal-800 px-4 py-2 font-medium text-white underline-offset-2 hover:bg-teal-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-800';

// The patient's right to a copy of their record (docs/decisions/032-record-export.md). The links
// are plain downloads: the API checks who asks and writes each download in "who viewed my record".
export default async function TakeYourRecordPage() {
  const { patientId } = await openOwnRecord();
  const base = `/api/v1/patients/${patientId}/export`;

  return (
    <>
      <PageHeader title="Take your record with you">
        <p>
          Your record is yours. You can download a copy at any time: to keep, to read at your own
          pace, or to bring to another clinic or doctor.
        </p>
      </PageHeader>
      <div className="space-y-6">
        <Card
          title="A copy to read or print (PDF)"
          titleId="record-pdf-heading"
          description="Opens on any phone or computer."
        >
          <p className="mb-3 text-slate-800">
            It holds your treatment plan and goals, your medications and every change to them, your
            safety plan, your check-ins, your questionnaire scores and the session notes your care
            team shared with you.
          </p>
          <a href={`${base}/pdf`} download className={LINK}>
            Download your record (PDF)
          </a>
        </Card>
        <Card
          title="A file for another clinic (FHIR)"
          titleId="record-fhir-heading"
          description="For a new clinic’s system or a health app."
        >
          <p className="mb-3 text-slate-800">
            FHIR is the standard format health records travel in. Give this file to a new clinic and
            their system can read your medications, scores and plan without anyone typing them in
            again.
          </p>
          <a href={`${base}/fhir`} download className={LINK}>
            Download your record (FHIR file)
          </a>
        </Card>
        <Card
          title="Good to know"
          titleId="record-notes-heading"
          description="What is in your copy, and who can see that you downloaded it."
        >
          <ul className="list-disc space-y-2 pl-5 text-slate-800">
            <li>
              Your copy has what you can see in Triad. Your therapist’s private process notes
              (psychotherapy notes) and the notes your care team writes to each other are not in it.
            </li>
            <li>
              A very long record holds your newest entries (for example, your last year of
              check-ins); the copy says so, and your clinic can give you the rest.
            </li>
            <li>
              Once downloaded, the file is on your device: keep it somewhere private. Each download
              shows in “Who viewed my record”.
            </li>
          </ul>
        </Card>
      </div>
      <BackLink href="/my-care" placement="below">
        Back to My care
      </BackLink>
    </>
  );
}
