import { handle, ok } from '@/lib/api/handler';
import { openApiDocument } from '@/lib/api/openapi';

export const GET = handle(async () => ok(openApiDocument()), { public: true });
