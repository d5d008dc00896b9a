import { handle, ok } from '@/lib/api/handler';
import { endCareTeamMembership } from '@/lib/data/admin';

export const POST = handle<{ patientId: string; membershipId: string }>(
  async (_request, { params, viewer }) =>
    ok({ member: await endCareTeamMembership(viewer, params.patientId, params.membershipId) }),
);
