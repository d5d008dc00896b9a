// Matrix rows of the account routes (issue 10): the sign-in notice and account recovery.
import { everyone, type Row } from '@/tests/support/matrix';

export const accountRows: Row[] = [
  {
    method: 'DELETE',
    path: '/api/v1/me/sign-in-notice',
    expect: { ...everyone(204), signedOut: 401 },
  },
];
