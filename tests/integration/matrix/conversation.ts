// Matrix rows of the patient–care team conversation: the patient and the clinicians of their
// active care team read and write; admins 403; anyone else 404.
import { readers, type Row } from '@/tests/support/matrix';

const PATH = '/api/v1/patients/{patientId}/conversation';

export const conversationRows: Row[] = [
  { method: 'GET', path: PATH, expect: readers(200) },
  {
    method: 'POST',
    path: PATH,
    call: async () => ({ body: { body: 'Matrix message to the care team.' } }),
    expect: readers(201),
  },
  { method: 'POST', path: `${PATH}/read`, expect: readers(200) },
];
