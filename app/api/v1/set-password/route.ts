import { handle, noContent, readBody } from '@/lib/api/handler';
import { requestContextFrom } from '@/lib/http/request-context';
import { setPasswordWithToken } from '@/lib/data/admin';
import { SetPasswordInput } from '@/lib/schemas/admin';

export const POST = handle(
  async (request, { requestId }) => {
    const input = await readBody(request, SetPasswordInput);
    const context = requestContextFrom((name) => request.headers.get(name));
    await setPasswordWithToken(input, { ...context, requestId });
    return noContent();
  },
  { public: true },
);
