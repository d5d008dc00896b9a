// Matrix rows of the contact-details API. Admins read and edit them: they run the front desk.
import type { Row } from '@/tests/support/matrix';
import { readers } from '@/tests/support/matrix';

const PATH = '/api/v1/patients/{patientId}/contact';

/** The patient, the care team and admins get `status`; anyone else 404. */
const withAdmins = (status: number) => ({ ...readers(status), admin: status });

export const contactRows: Row[] = [
  { method: 'GET', path: PATH, expect: withAdmins(200) },
  {
    method: 'PUT',
    path: PATH,
    call: async () => ({
      body: {
        phone: '555-0123 456',
        preferredContact: 'PHONE',
        emergencyName: 'Robin Hayes',
        emergencyRelationship: 'Partner',
        emergencyPhone: '+1 (555) 010-0177',
      },
    }),
    expect: withAdmins(200),
  },
];
