import { handlersFor } from '@/lib/api/registry';

export const { GET } = handlersFor('/api/v1/patients/{patientId}/access-log/visits');
