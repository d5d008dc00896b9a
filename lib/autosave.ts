// Autosave of drafts (session notes): pure rules, shared by the form and its tests.

/** How long after the first unsaved change a draft is saved: at most one save per 30 seconds. */
export const AUTOSAVE_INTERVAL_MS = 30_000;

/** Where an autosaving form stands, for its polite status line. */
export type AutosaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date }
  | { state: 'failed'; reason: string };

/** The words of the status line: "Saving…", "Saved at 14:02", "Not saved: …", or nothing. */
export function autosaveStatusText(status: AutosaveStatus, locale?: string): string {
  if (status.state === 'saving') return 'Saving…';
  if (status.state === 'saved') {
    const time = new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(status.at);
    return `Saved at ${time}`;
  }
  if (status.state === 'failed') return `Not saved: ${status.reason}`;
  return '';
}
