import { handlersFor } from '@/lib/api/registry';

export const { DELETE } = handlersFor('/api/v1/me/sign-in-notice');
