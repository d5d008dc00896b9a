import { handle, ok } from '@/lib/api/handler';
import { getPlanVersion } from '@/lib/data/treatment-plans';
import { NotFoundError } from '@/lib/errors';

export const GET = handle<{ patientId: string; version: string }>(
  async (_request, { params, viewer }) => {
    // A path that names no version number names nothing: 404.
    if (!/^[1-9][0-9]{0,5}$/.test(params.version)) throw new NotFoundError('plan version');
    return ok(await getPlanVersion(viewer, params.patientId, Number(params.version)));
  },
);
