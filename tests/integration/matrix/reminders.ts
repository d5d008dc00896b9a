// Matrix rows of the reminders API: the patient's own settings, read and changed by them alone.
import { patientOnly, type Row } from '@/tests/support/matrix';

const PATH = '/api/v1/patients/{patientId}/reminders';

export const reminderRows: Row[] = [
  { method: 'GET', path: PATH, expect: patientOnly(200) },
  {
    method: 'PUT',
    path: PATH,
    call: async () => ({
      body: {
        checkInReminder: true,
        checkInHour: 8,
        questionnaireReminder: false,
        planReminder: true,
      },
    }),
    expect: patientOnly(200),
  },
];
