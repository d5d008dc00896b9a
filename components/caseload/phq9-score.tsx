import { Badge, type BadgeTone } from '@/components/ui/badge';

const toneBySeverity: Record<string, BadgeTone> = {
  minimal: 'neutral',
  mild: 'teal',
  moderate: 'amber',
  'moderately severe': 'orange',
  severe: 'rose',
};

/** A PHQ-9 total with its severity band written out (colour only reinforces the band). */
export function Phq9Score({ score, severity }: { score: number; severity: string }) {
  const band = severity.toLowerCase();
  return (
    <span className="inline-flex items-center gap-2">
      <span className="font-semibold text-slate-900 tabular-nums">{score}</span>
      <Badge tone={toneBySeverity[band] ?? 'neutral'}>{band}</Badge>
    </span>
  );
}
