// Matrix rows of the live header badge: every signed-in person reads their own counts, once or as
// a stream (its first event); nothing is audited.
import { everyone, type Row } from '@/tests/support/matrix';

const ownCounts = { ...everyone(200), signedOut: 401 };

export const liveRows: Row[] = [
  { method: 'GET', path: '/api/v1/notifications/counts', expect: ownCounts, audits: 0 },
  { method: 'GET', path: '/api/v1/notifications/stream', expect: ownCounts, audits: 0 },
];
