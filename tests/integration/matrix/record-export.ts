// Matrix rows of the record export: the patient themself downloads; everyone else 403 or 404.
import { patientOnly, type Row } from '@/tests/support/matrix';

export const recordExportRows: Row[] = [
  { method: 'GET', path: '/api/v1/patients/{patientId}/export/pdf', expect: patientOnly(200) },
  { method: 'GET', path: '/api/v1/patients/{patientId}/export/fhir', expect: patientOnly(200) },
];
