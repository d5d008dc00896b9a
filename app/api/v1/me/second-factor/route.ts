import { handle, ok } from '@/lib/api/handler';
import { getSecondFactorStatus } from '@/lib/data/second-factor';

export const GET = handle(async (_request, { viewer }) => ok(await getSecondFactorStatus(viewer)), {
  duringEnrolment: true,
});
