import { MarkerLegend, TrendChart, type TrendMarker } from '@/components/charts/trend-chart';

type Points = { date: string; value: number }[];

/**
 * The Overview's scores and mood: each on its own chart (mood is 0–10 and higher is better, so it
 * never sits over a questionnaire's severity bands), the medication changes listed once above.
 */
export function OverviewTrendCharts({
  trends,
  markers,
}: {
  trends: { phq9: Points; gad7: Points; mood: Points };
  markers: TrendMarker[];
}) {
  return (
    <div className="space-y-6">
      <MarkerLegend markers={markers} title="Medication changes (numbered on the charts)" />
      <TrendChart
        title="PHQ-9 (depression)"
        description="Total 0–27, higher is worse, with its severity bands."
        series={[
          { key: 'phq9', label: 'PHQ-9', domain: [0, 27], scale: 'PHQ9', points: trends.phq9 },
        ]}
        markers={markers}
        markerLegend={false}
        height={220}
      />
      <TrendChart
        title="GAD-7 (anxiety)"
        description="Total 0–21, higher is worse, with its severity bands."
        series={[
          { key: 'gad7', label: 'GAD-7', domain: [0, 21], scale: 'GAD7', points: trends.gad7 },
        ]}
        markers={markers}
        markerLegend={false}
        height={220}
      />
      <TrendChart
        title="Mood"
        description="From daily check-ins, 0–10, higher is better."
        series={[{ key: 'mood', label: 'Mood', domain: [0, 10], points: trends.mood }]}
        markers={markers}
        markerLegend={false}
        height={200}
      />
    </div>
  );
}
