// Every TanStack Query key of the app, and the refresh policy: which queries each change makes
// stale (refreshAfter). Pages that render on the server refresh with router.refresh() instead.
import type { QueryClient, QueryKey } from '@tanstack/react-query';

export const queryKeys = {
  me: {
    dismissSignInNotice: ['me', 'sign-in-notice', 'dismiss'] as const,
  },
  users: {
    create: ['users', 'create'] as const,
    disable: (userId: string) => ['users', userId, 'disable'] as const,
    enable: (userId: string) => ['users', userId, 'enable'] as const,
    update: (userId: string) => ['users', userId, 'update'] as const,
    setPasswordLink: (userId: string) => ['users', userId, 'set-password-link'] as const,
  },
  patients: {
    addCareTeamMember: (patientId: string) => ['patients', patientId, 'care-team', 'add'] as const,
    endCareTeamMembership: (patientId: string, membershipId: string) =>
      ['patients', patientId, 'care-team', membershipId, 'end'] as const,
    accessLog: (patientId: string) => ['patients', patientId, 'access-log'] as const,
    messages: (patientId: string) => ['patients', patientId, 'messages'] as const,
    postMessage: (patientId: string) => ['patients', patientId, 'messages', 'post'] as const,
    conversation: (patientId: string) => ['patients', patientId, 'conversation'] as const,
    postConversation: (patientId: string) =>
      ['patients', patientId, 'conversation', 'post'] as const,
    readConversation: (patientId: string) =>
      ['patients', patientId, 'conversation', 'read'] as const,
    saveSessionNote: (patientId: string) =>
      ['patients', patientId, 'session-notes', 'save'] as const,
    sessionNoteAction: (patientId: string, noteId: string, action: string) =>
      ['patients', patientId, 'session-notes', noteId, action] as const,
    psychotherapyNotes: (patientId: string) =>
      ['patients', patientId, 'psychotherapy-notes'] as const,
    regimen: (patientId: string) => ['patients', patientId, 'medications'] as const,
    medicationChanges: (patientId: string) =>
      ['patients', patientId, 'medication-changes'] as const,
    recordMedicationChange: (patientId: string) =>
      ['patients', patientId, 'medication-changes', 'record'] as const,
    checkIns: (patientId: string) => ['patients', patientId, 'check-ins'] as const,
    assessments: (patientId: string) => ['patients', patientId, 'assessments'] as const,
    raiseSafetyFlag: (patientId: string) =>
      ['patients', patientId, 'safety-flags', 'raise'] as const,
    safetyFlagStep: (patientId: string, flagId: string, step: string) =>
      ['patients', patientId, 'safety-flags', flagId, step] as const,
  },
  appointments: {
    book: () => ['appointments', 'book'] as const,
    /** A patient's profile, read by the booking form for their care team. */
    careTeam: (patientId: string) => ['patients', patientId, 'profile'] as const,
  },
  treatmentPlan: {
    current: (patientId: string) => ['patients', patientId, 'treatment-plan'] as const,
    versions: (patientId: string) => ['patients', patientId, 'treatment-plan', 'versions'] as const,
    version: (patientId: string, version: number) =>
      ['patients', patientId, 'treatment-plan', 'version', version] as const,
    diff: (patientId: string, from: number, to: number) =>
      ['patients', patientId, 'treatment-plan', 'diff', from, to] as const,
    comments: (patientId: string) => ['patients', patientId, 'treatment-plan', 'comments'] as const,
    save: (patientId: string) => ['patients', patientId, 'treatment-plan', 'save'] as const,
    acknowledge: (patientId: string) =>
      ['patients', patientId, 'treatment-plan', 'acknowledge'] as const,
    comment: (patientId: string) => ['patients', patientId, 'treatment-plan', 'comment'] as const,
    requestReview: (patientId: string) =>
      ['patients', patientId, 'treatment-plan', 'request-review'] as const,
    resolveReview: (patientId: string) =>
      ['patients', patientId, 'treatment-plan', 'resolve-review'] as const,
  },
  contact: {
    save: (patientId: string) => ['patients', patientId, 'contact', 'save'] as const,
  },
  organization: {
    saveSafetyEscalation: ['organization', 'safety-escalation', 'save'] as const,
  },
  reminders: {
    save: (patientId: string) => ['patients', patientId, 'reminders', 'save'] as const,
  },
  safetyPlan: {
    save: (patientId: string) => ['patients', patientId, 'safety-plan', 'save'] as const,
  },
  setPassword: ['set-password'] as const,
  notifications: {
    /** Every inbox query (the list, the header's counts): the prefix a read refreshes. */
    all: ['notifications'] as const,
    read: (notificationId: string) => ['notifications', notificationId, 'read'] as const,
    readAll: ['notifications', 'read-all'] as const,
    savePreferences: ['notifications', 'preferences', 'save'] as const,
    /** The header badge's counts, kept current by the live stream (components/layout/inbox-badge.tsx). */
    counts: ['notifications', 'counts'] as const,
  },
};

/**
 * The refresh policy: after each change, the queries a page reads through TanStack Query that
 * show what it changed. A change that no query shows (an account, a check-in, the care team) is
 * not listed here: its page re-renders from the server (router.refresh()).
 */
export const refreshAfter = {
  medicationChange: (patientId: string) => [
    queryKeys.patients.regimen(patientId),
    queryKeys.patients.medicationChanges(patientId),
  ],
  message: (patientId: string) => [queryKeys.patients.messages(patientId)],
  conversationMessage: (patientId: string) => [queryKeys.patients.conversation(patientId)],
  /** The conversation read: the reader's inbox items about it were marked read too. */
  conversationRead: () => [queryKeys.notifications.all],
  planSave: (patientId: string) => [
    queryKeys.treatmentPlan.current(patientId),
    queryKeys.treatmentPlan.versions(patientId),
  ],
  /** Someone else saved first: the current version, to show what they changed. */
  planConflict: (patientId: string) => [queryKeys.treatmentPlan.current(patientId)],
  planComment: (patientId: string) => [queryKeys.treatmentPlan.comments(patientId)],
  planAcknowledgement: (patientId: string) => [queryKeys.treatmentPlan.current(patientId)],
  planReviewRequest: (patientId: string) => [queryKeys.treatmentPlan.current(patientId)],
  planReviewResolution: (patientId: string) => [queryKeys.treatmentPlan.current(patientId)],
  /** An item or all marked read: every inbox query (the header's unread counts among them). */
  notificationRead: () => [queryKeys.notifications.all],
} satisfies Record<string, (...ids: string[]) => QueryKey[]>;

/** Marks the given queries stale (refetching those on screen); resolves once they are fetched. */
export async function refresh(client: QueryClient, keys: readonly QueryKey[]): Promise<void> {
  await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
}
