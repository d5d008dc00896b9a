import { created, handle, readBody } from '@/lib/api/handler';
import { addCareTeamMember } from '@/lib/data/admin';
import { AddCareTeamMemberInput } from '@/lib/schemas/admin';

export const POST = handle<{ patientId: string }>(
  async (request, { params, viewer, idempotency }) => {
    const input = await readBody(request, AddCareTeamMemberInput);
    return created({
      member: await addCareTeamMember(viewer, params.patientId, input, idempotency),
    });
  },
);
