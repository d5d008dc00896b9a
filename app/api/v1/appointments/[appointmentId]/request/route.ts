import { handlersFor } from '@/lib/api/registry';

export const { POST } = handlersFor('/api/v1/appointments/{appointmentId}/request');
