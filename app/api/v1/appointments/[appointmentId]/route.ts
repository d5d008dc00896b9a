import { handlersFor } from '@/lib/api/registry';

export const { GET, PATCH } = handlersFor('/api/v1/appointments/{appointmentId}');
