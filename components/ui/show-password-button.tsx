/** The "Show"/"Hide" button inside a password input, for the one who types it to check it. */
export function ShowPasswordButton({
  shown,
  onToggle,
  controls,
}: {
  shown: boolean;
  onToggle: () => void;
  /** The id of the password input. */
  controls: string;
}) {
  return (
    <button
      type="button"
      onClick={onToggle}
      aria-pressed={shown}
      aria-controls={controls}
      className="absolute inset-y-1 right-1 rounded px-3 text-sm font-medium text-teal-800 hover:bg-teal-50 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-teal-700"
    >
      {shown ? 'Hide' : 'Show'}
      <span className="sr-only"> password</span>
    </button>
  );
}
