// The patient takes their record away (issue 17; docs/decisions/032-record-export.md): the whole
// record as a PDF and as a FHIR R4 Bundle. Each download is audited as an export, and "who viewed
// my record" says "downloaded your record".
import 'server-only';
import { z } from 'zod';
import { defineRoute } from '@/lib/api/define-route';
import { readRecordForExport } from '@/lib/data/record-export/read';
import { recordToFhirBundle } from '@/lib/record-export/fhir';
import { recordToPdf } from '@/lib/record-export/pdf';
import { PatientParams } from '@/lib/schemas/patients';

const BASE = '/api/v1/patients/{patientId}/export';
const tag = 'Record export';
const WHO =
  'The patient themself; prescribers, therapists (they print the chart) and admins get 403, anyone else 404.';
const LIMITS =
  'Bounded: the newest 500 medication changes, 200 session notes, 366 check-ins and 200 questionnaires; the document says when a list was cut.';

/** The PDF, as the document's bytes (its text, once extracted, in the tests). */
const PdfDocument = z.string().meta({ description: 'A PDF document.', format: 'binary' });

/** A FHIR R4 Bundle of type collection (validated resource by resource in the tests). */
const FhirBundle = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.literal('collection'),
  timestamp: z.string(),
  entry: z.array(
    z.looseObject({ fullUrl: z.string(), resource: z.looseObject({ resourceType: z.string() }) }),
  ),
});

const fileName = (name: string, date: string, ext: string) =>
  `triad-record-${
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'patient'
  }-${date.slice(0, 10)}.${ext}`;

function download(body: BodyInit, type: string, filename: string) {
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}

export const recordExportRoutes = [
  defineRoute({
    method: 'GET',
    path: `${BASE}/pdf`,
    tag,
    summary:
      'My whole record as a PDF: plan and goals, current medications and their history, safety plan, questionnaires, check-ins and the session notes shared with me; never psychotherapy notes or the care team’s notes',
    who: `${WHO} ${LIMITS}`,
    permission: 'record.export',
    params: PatientParams,
    success: {
      status: 200,
      contentType: 'application/pdf',
      description: 'The PDF, as an attachment.',
      schema: PdfDocument,
    },
    handler: async ({ viewer, params }) => {
      const record = await readRecordForExport(viewer, params.patientId, 'pdf');
      const pdf = await recordToPdf(record);
      const filename = fileName(record.patient.name, record.generatedAt, 'pdf');
      return download(new Uint8Array(pdf), 'application/pdf', filename);
    },
  }),
  defineRoute({
    method: 'GET',
    path: `${BASE}/fhir`,
    tag,
    summary:
      'My whole record as a FHIR R4 Bundle (collection): Patient, MedicationStatement per current medication, MedicationRequest per change, Observation per PHQ-9/GAD-7 total (LOINC 44261-6, 70274-6) and per check-in, CarePlan with Goals, DocumentReference per session note shared with me',
    who: `${WHO} ${LIMITS} A cut list adds an OperationOutcome (information) saying so.`,
    permission: 'record.export',
    params: PatientParams,
    success: {
      status: 200,
      contentType: 'application/fhir+json',
      description: 'The Bundle, as an attachment.',
      schema: FhirBundle,
    },
    handler: async ({ viewer, params }) => {
      const record = await readRecordForExport(viewer, params.patientId, 'fhir');
      const bundle = JSON.stringify(recordToFhirBundle(record));
      const filename = fileName(record.patient.name, record.generatedAt, 'json');
      return download(bundle, 'application/fhir+json; charset=utf-8', filename);
    },
  }),
];
