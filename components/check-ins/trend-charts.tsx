import { MarkerLegend, TrendChart } from '@/components/charts/trend-chart';
import type { Trends } from '@/lib/data/trends';

type Audience = 'patient' | 'clinician';

const words = {
  patient: {
    mood: 'Your mood from 0 (worst) to 10 (best). Higher is better.',
    sleep: 'Hours of sleep, and how well you slept from 1 to 5.',
    day: 'Each from 1 (very low) to 5 (very high).',
    phq9: 'Lower is better. Under 5 means few or no symptoms of depression.',
    gad7: 'Lower is better. Under 5 means few or no symptoms of anxiety.',
  },
  clinician: {
    mood: 'Self-rated mood 0–10, higher is better.',
    sleep: 'Hours slept and sleep quality (1–5).',
    day: 'Self-rated 1–5.',
    phq9: 'Total 0–27 with severity bands.',
    gad7: 'Total 0–21 with severity bands.',
  },
};

const legendTitle = {
  patient: 'Medication changes (the numbered lines on the charts)',
  clinician: 'Medication changes (numbered on the charts)',
};

/**
 * Mood, sleep, energy, focus, appetite, PHQ-9, GAD-7 and the plan's personal measures over the
 * period, medication changes numbered on each and listed once; each chart has its table
 * alternative (TrendChart).
 */
export function TrendCharts({ trends, audience }: { trends: Trends; audience: Audience }) {
  const text = words[audience];
  const points = (pick: (c: Trends['checkIns'][number]) => number | null) =>
    trends.checkIns.map((c) => ({ date: c.date, value: pick(c) }));
  return (
    <div className="space-y-8">
      <MarkerLegend markers={trends.markers} title={legendTitle[audience]} />
      <div className="grid gap-8 lg:grid-cols-2">
        <TrendChart
          title="Mood"
          description={text.mood}
          series={[{ key: 'mood', label: 'Mood', domain: [0, 10], points: points((c) => c.mood) }]}
          markers={trends.markers}
          markerLegend={false}
        />
        <TrendChart
          title="Sleep"
          description={text.sleep}
          series={[
            {
              key: 'sleepHours',
              label: 'Hours of sleep',
              unit: 'hours',
              domain: [0, 12],
              points: points((c) => c.sleepHours),
            },
            {
              key: 'sleepQuality',
              label: 'Sleep quality',
              domain: [1, 5],
              points: points((c) => c.sleepQuality),
            },
          ]}
          markers={trends.markers}
          markerLegend={false}
        />
        <TrendChart
          title="Energy, focus and appetite"
          description={text.day}
          series={[
            { key: 'energy', label: 'Energy', domain: [1, 5], points: points((c) => c.energy) },
            { key: 'focus', label: 'Focus', domain: [1, 5], points: points((c) => c.focus) },
            {
              key: 'appetite',
              label: 'Appetite',
              domain: [1, 5],
              points: points((c) => c.appetite),
            },
          ]}
          markers={trends.markers}
          markerLegend={false}
        />
        <ScoreAndMeasureCharts trends={trends} text={text} />
      </div>
    </div>
  );
}

/** The two questionnaires charted alike: the total over its range, with its severity bands. */
const QUESTIONNAIRES = [
  { key: 'phq9', label: 'PHQ-9', title: 'PHQ-9 (depression)', max: 27, scale: 'PHQ9' },
  { key: 'gad7', label: 'GAD-7', title: 'GAD-7 (anxiety)', max: 21, scale: 'GAD7' },
] as const;

/** The questionnaires' scores with their severity bands, and each personal measure of the plan. */
function ScoreAndMeasureCharts({
  trends,
  text,
}: {
  trends: Trends;
  text: (typeof words)[Audience];
}) {
  return (
    <>
      {QUESTIONNAIRES.map(({ key, label, title, max, scale }) => (
        <TrendChart
          key={key}
          title={title}
          description={text[key]}
          series={[
            {
              key,
              label,
              domain: [0, max],
              scale,
              points: trends[key].map((s) => ({ date: s.date, value: s.score })),
            },
          ]}
          markers={trends.markers}
          markerLegend={false}
        />
      ))}
      {trends.measures.map((measure) => {
        const target =
          measure.targetValue === null
            ? ''
            : ` Target: ${measure.direction === 'AT_LEAST' ? 'at least' : 'at most'} ${measure.targetValue}${measure.unit ? ` ${measure.unit}` : ''}.`;
        return (
          <TrendChart
            key={measure.goalKey}
            title={measure.name ?? 'Personal measure'}
            description={`${measure.description}${target}`}
            series={[
              {
                key: `measure-${measure.goalKey}`,
                label: measure.name ?? 'Value',
                unit: measure.unit ?? undefined,
                points: measure.points,
              },
            ]}
            markers={trends.markers}
            markerLegend={false}
          />
        );
      })}
    </>
  );
}
