// Every TanStack Query key of the app, so that a mutation invalidates exactly what it changed.

export const queryKeys = {
  me: ['me'] as const,
  users: {
    all: ['users'] as const,
    create: ['users', 'create'] as const,
    disable: (userId: string) => ['users', userId, 'disable'] as const,
  },
  patients: {
    all: ['patients'] as const,
    detail: (patientId: string) => ['patients', patientId] as const,
    careTeam: (patientId: string) => ['patients', patientId, 'care-team'] as const,
    addCareTeamMember: (patientId: string) => ['patients', patientId, 'care-team', 'add'] as const,
    endCareTeamMembership: (patientId: string, membershipId: string) =>
      ['patients', patientId, 'care-team', membershipId, 'end'] as const,
    accessLog: (patientId: string) => ['patients', patientId, 'access-log'] as const,
  },
  auditEvents: {
    all: ['audit-events'] as const,
  },
  setPassword: ['set-password'] as const,
};
