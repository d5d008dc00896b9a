'use client';

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { format } from 'date-fns';
import {
  markerLanes,
  type NumberedMarker,
  type TrendBand,
  type TrendRow,
  type TrendSeries,
} from './trend-chart-types';

// Distinct hues with distinct dash patterns, so the lines differ by more than colour.
const palette = [
  { stroke: '#0f766e', dash: undefined },
  { stroke: '#7c3aed', dash: '6 3' },
  { stroke: '#c2410c', dash: '2 3' },
  { stroke: '#1d4ed8', dash: '10 4 2 4' },
];

const bandFills = ['#f0fdf4', '#fefce8', '#fff7ed', '#ffedd5', '#fff1f2'];

/** The markers' numbered badges: their radius and the height of one lane above the plot. */
const BADGE_RADIUS = 8;
const LANE_HEIGHT = 2 * BADGE_RADIUS + 2;

function axisKey(domain: [number, number] | undefined): string {
  return domain ? `${domain[0]}-${domain[1]}` : 'auto';
}

function shortDate(t: number): string {
  return format(new Date(t + new Date(t).getTimezoneOffset() * 60_000), 'MMM d');
}

/** The recharts drawing behind TrendChart; imported lazily, never on the server. */
export function TrendPlot({
  series,
  markers,
  bands,
  rows,
}: {
  series: TrendSeries[];
  markers: NumberedMarker[];
  bands: readonly TrendBand[];
  rows: TrendRow[];
}) {
  const data = rows.map((row) => ({ t: row.t, ...row.values }));
  const axes = [...new Set(series.map((s) => axisKey(s.domain)))];
  const firstAxis = axes[0] ?? 'auto';
  // The x-axis spans the rows, which hold every marker's date too.
  const lanes = markerLanes(
    markers.map((m) => m.t),
    rows[0]?.t ?? 0,
    rows.at(-1)?.t ?? 0,
  );
  const laneCount = markers.length === 0 ? 0 : Math.max(...lanes) + 1;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart
        data={data}
        margin={{ top: 8 + laneCount * LANE_HEIGHT, right: BADGE_RADIUS + 4, bottom: 4, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={['dataMin', 'dataMax']}
          tickFormatter={shortDate}
          stroke="#475569"
          fontSize={12}
        />
        {yAxes(series, axes)}
        {bandAreas(bands, firstAxis)}
        {markerLines(markers, lanes, firstAxis)}
        <Tooltip
          labelFormatter={(value) => (typeof value === 'number' ? shortDate(value) : String(value))}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {seriesLines(series)}
      </LineChart>
    </ResponsiveContainer>
  );
}

// Recharts reads its axes, areas and lines from the chart's direct children: these build them as
// elements (called as functions, not rendered as components).

function yAxes(series: TrendSeries[], axes: string[]) {
  return axes.map((key, index) => {
    const domain = series.find((s) => axisKey(s.domain) === key)?.domain;
    return (
      <YAxis
        key={key}
        yAxisId={key}
        orientation={index === 1 ? 'right' : 'left'}
        hide={index > 1}
        domain={domain ?? ['auto', 'auto']}
        allowDecimals={false}
        width={32}
        stroke="#475569"
        fontSize={12}
      />
    );
  });
}

function bandAreas(bands: readonly TrendBand[], firstAxis: string) {
  return bands.map((band, index) => (
    <ReferenceArea
      key={band.label}
      yAxisId={firstAxis}
      y1={band.from}
      y2={band.to}
      fill={bandFills[index % bandFills.length]}
      fillOpacity={0.7}
      ifOverflow="hidden"
      label={{ value: band.label, position: 'insideRight', fontSize: 10, fill: '#475569' }}
    />
  ));
}

function markerLines(markers: NumberedMarker[], lanes: number[], firstAxis: string) {
  return markers.map((marker, index) => (
    <ReferenceLine
      key={marker.date}
      yAxisId={firstAxis}
      x={marker.t}
      stroke="#64748b"
      strokeDasharray="4 2"
      // A number above the plot instead of the label's words, which clip and overlap on a phone;
      // the legend below the chart and its table give the words.
      label={(props: { viewBox?: { x?: number; y?: number } }) => (
        <MarkerBadge
          x={props.viewBox?.x ?? 0}
          plotTop={props.viewBox?.y ?? 0}
          lane={lanes[index] ?? 0}
          number={marker.number}
        />
      )}
    />
  ));
}

function MarkerBadge({
  x,
  plotTop,
  lane,
  number,
}: {
  x: number;
  plotTop: number;
  lane: number;
  number: number;
}) {
  const y = plotTop - 2 - BADGE_RADIUS - lane * LANE_HEIGHT;
  return (
    <g>
      <line x1={x} x2={x} y1={y} y2={plotTop} stroke="#64748b" strokeDasharray="4 2" />
      <circle cx={x} cy={y} r={BADGE_RADIUS} fill="#ffffff" stroke="#334155" strokeWidth={1.5} />
      <text
        x={x}
        y={y}
        textAnchor="middle"
        dominantBaseline="central"
        fontSize={10}
        fontWeight={600}
        fill="#1e293b"
      >
        {number}
      </text>
    </g>
  );
}

function seriesLines(series: TrendSeries[]) {
  return series.map((s, index) => {
    const look = palette[index % palette.length]!;
    return (
      <Line
        key={s.key}
        yAxisId={axisKey(s.domain)}
        dataKey={s.key}
        name={s.unit ? `${s.label} (${s.unit})` : s.label}
        type="monotone"
        stroke={look.stroke}
        strokeDasharray={look.dash}
        strokeWidth={2}
        dot={{ r: 2.5 }}
        connectNulls
        isAnimationActive={false}
      />
    );
  });
}
