/**
 * The "since" choices offered as links: the default (no parameter: since the viewer's last
 * completed session with the patient, else their last signed note, else 30 days) and look-backs.
 */
export const BRIEF_PRESETS = [
  { value: '', label: 'Since my last session' },
  { value: '7d', label: 'Last 7 days' },
  { value: '30d', label: 'Last 30 days' },
  { value: '90d', label: 'Last 90 days' },
] as const;
