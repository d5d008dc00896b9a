import { created, handle, ok, readBody, readQuery } from '@/lib/api/handler';
import { listAssessments, recordAssessment } from '@/lib/data/assessments';
import { AssessmentInput, AssessmentListQuery } from '@/lib/schemas/assessments';

export const GET = handle<{ patientId: string }>(async (request, { params, viewer }) =>
  ok(await listAssessments(viewer, params.patientId, readQuery(request, AssessmentListQuery))),
);

export const POST = handle<{ patientId: string }>(
  async (request, { params, viewer, idempotency }) => {
    const input = await readBody(request, AssessmentInput);
    return created({
      assessment: await recordAssessment(viewer, params.patientId, input, idempotency),
    });
  },
);
