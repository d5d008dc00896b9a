import type { NextRequest } from 'next/server';
import { handle, ok, readBody } from '@/lib/api/handler';
import { getTreatmentPlan, saveTreatmentPlan } from '@/lib/data/treatment-plans';
import { PreconditionError } from '@/lib/errors';
import { TreatmentPlanInput } from '@/lib/schemas/treatment-plan';

const etag = (version: number) => `"${version}"`;

/** The version an `If-Match: "<version>"` names; 428 when absent, 412 when it names no version. */
function expectedVersion(request: NextRequest): number {
  const header = request.headers.get('if-match');
  if (header === null || header.trim() === '') {
    throw new PreconditionError(
      428,
      'Send If-Match with the plan version you edited (the ETag of GET), e.g. If-Match: "3"; "0" before the first version.',
    );
  }
  const match = /^\s*"(0|[1-9][0-9]{0,8})"\s*$/.exec(header);
  if (!match) {
    throw new PreconditionError(412, 'If-Match must name one plan version, e.g. If-Match: "3".');
  }
  return Number(match[1]);
}

export const GET = handle<{ patientId: string }>(async (_request, { params, viewer }) => {
  const view = await getTreatmentPlan(viewer, params.patientId);
  return ok(view, { headers: { ETag: etag(view.version) } });
});

// A stale version is a StalePlanError (lib/errors.ts): 412 with `currentVersion` and its ETag.
export const PUT = handle<{ patientId: string }>(async (request, { params, viewer }) => {
  const expected = expectedVersion(request);
  const input = await readBody(request, TreatmentPlanInput);
  const saved = await saveTreatmentPlan(viewer, params.patientId, expected, input);
  return ok(saved, { headers: { ETag: etag(saved.version) } });
});
