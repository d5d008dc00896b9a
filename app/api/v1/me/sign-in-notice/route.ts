import { handle, noContent } from '@/lib/api/handler';
import { dismissSignInNotice } from '@/lib/data/accounts';

export const DELETE = handle(async (_request, { viewer }) => {
  await dismissSignInNotice(viewer);
  return noContent();
});
