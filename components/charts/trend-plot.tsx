import { formatDate } from '@/lib/format';
import type { TrendSeries } from './trend-chart-types';
import { BADGE_RADIUS, plotGeometry, type PlotGeometry, type PlotInput } from './trend-geometry';

// Distinct hues with distinct dash patterns, so the lines differ by more than colour.
const palette = [
  { stroke: '#0f766e', dash: undefined },
  { stroke: '#7c3aed', dash: '6 3' },
  { stroke: '#c2410c', dash: '2 3' },
  { stroke: '#1d4ed8', dash: '10 4 2 4' },
];

const bandFills = ['#f0fdf4', '#fefce8', '#fff7ed', '#ffedd5', '#fff1f2'];

/** Room beside the plot for the value axes' numbers. */
const LEFT_GUTTER = 36;
const RIGHT_GUTTER = { axis: 36, none: 20 };

/** A date tick shows on a narrow plot, a wide one (a container query, 28rem) or both. */
function tickClass(tick: { compact: boolean; wide: boolean }): string {
  if (tick.compact && tick.wide) return '';
  return tick.compact ? '@md:hidden' : 'hidden @md:block';
}

/** Strokes keep their width and dashes however far the drawing stretches across. */
const fixedStroke = { vectorEffect: 'non-scaling-stroke' } as const;

/**
 * The drawing behind TrendChart, rendered on the server: an SVG that stretches across its
 * container (lines, bands, grid, points) with the text laid over it in HTML, so that nothing in
 * the browser computes or draws it and no text shrinks on a phone (trend-geometry.ts).
 */
export function TrendPlot(input: PlotInput) {
  const { series, height } = input;
  const g = plotGeometry(input);
  const right = g.axes.length > 1 ? RIGHT_GUTTER.axis : RIGHT_GUTTER.none;
  return (
    <div className="@container">
      <div className="relative" style={{ height, marginLeft: LEFT_GUTTER, marginRight: right }}>
        <PlotDrawing g={g} series={series} />
        <PlotLabels g={g} />
      </div>
      <PlotLegend series={series} />
    </div>
  );
}

const labelOf = (s: TrendSeries) => (s.unit ? `${s.label} (${s.unit})` : s.label);

/** The stretching SVG: bands, grid, axes, the markers' lines, the series' lines and points. */
function PlotDrawing({ g, series }: { g: PlotGeometry; series: TrendSeries[] }) {
  const height = g.height;
  return (
    <svg
      className="absolute inset-0 h-full w-full overflow-visible"
      viewBox={`0 0 100 ${height}`}
      preserveAspectRatio="none"
      focusable="false"
    >
      {g.bands.map((band, index) => (
        <rect
          key={band.label}
          x={0}
          width={100}
          y={band.y0}
          height={band.y1 - band.y0}
          fill={bandFills[index % bandFills.length]}
        />
      ))}
      <g stroke="#e2e8f0" strokeDasharray="3 3" style={fixedStroke}>
        {g.axes[0]?.ticks.map((tick) => (
          <line key={tick.label} x1={0} x2={100} y1={tick.y} y2={tick.y} style={fixedStroke} />
        ))}
        {g.xTicks.map((tick) => (
          <line
            key={tick.x}
            className={tickClass(tick)}
            x1={tick.x}
            x2={tick.x}
            y1={g.plotTop}
            y2={g.plotBottom}
            style={fixedStroke}
          />
        ))}
      </g>
      <path
        d={`M0 ${g.plotTop}V${g.plotBottom}H100`}
        fill="none"
        stroke="#475569"
        style={fixedStroke}
      />
      {g.markers.map((marker) => (
        <line
          key={marker.number}
          x1={marker.x}
          x2={marker.x}
          y1={marker.y + BADGE_RADIUS}
          y2={g.plotBottom}
          stroke="#64748b"
          strokeDasharray="4 2"
          style={fixedStroke}
        />
      ))}
      {g.lines.map((l, index) => (
        <SeriesLine
          key={l.key}
          line={l}
          series={series[index]!}
          look={palette[index % palette.length]!}
        />
      ))}
    </svg>
  );
}

/** One series: its line and its points, each point with its date and value as a tooltip. */
function SeriesLine({
  line: l,
  series: s,
  look,
}: {
  line: PlotGeometry['lines'][number];
  series: TrendSeries;
  look: (typeof palette)[number];
}) {
  return (
    <g>
      <path
        data-series={l.key}
        d={l.path}
        fill="none"
        stroke={look.stroke}
        strokeWidth={2}
        strokeDasharray={look.dash}
        style={fixedStroke}
      />
      {l.points.map((p) => (
        // A dot is a zero-length stroke with round caps: it stays round when the drawing
        // stretches, where a circle would become an ellipse. Each carries its tooltip.
        <path
          key={p.date}
          d={`M${p.x} ${p.y}h0`}
          stroke={look.stroke}
          strokeWidth={7}
          strokeLinecap="round"
          style={fixedStroke}
        >
          <title>{`${formatDate(p.date)}: ${labelOf(s)} ${p.value}`}</title>
        </path>
      ))}
      {/* The dots' white centres in one path, letting the pointer through to the dots. */}
      <path
        d={l.points.map((p) => `M${p.x} ${p.y}h0`).join('')}
        stroke="#ffffff"
        strokeWidth={3.5}
        strokeLinecap="round"
        pointerEvents="none"
        style={fixedStroke}
      />
    </g>
  );
}

/** The text over the drawing: band names, the axes' numbers and dates, the markers' numbers. */
function PlotLabels({ g }: { g: PlotGeometry }) {
  return (
    <>
      {g.bands.map((band) => (
        <span
          key={band.label}
          className="absolute right-1 -translate-y-1/2 text-xs leading-none text-slate-600"
          style={{ top: (band.y0 + band.y1) / 2 }}
        >
          {band.label}
        </span>
      ))}
      {g.axes.map((axis) =>
        axis.ticks.map((tick) => (
          <span
            key={`${axis.side}-${tick.label}`}
            className={`absolute -translate-y-1/2 text-xs leading-none text-slate-600 ${
              axis.side === 'left' ? 'right-full pr-1.5' : 'left-full pl-1.5'
            }`}
            style={{ top: tick.y }}
          >
            {tick.label}
          </span>
        )),
      )}
      {g.xTicks.map((tick) => (
        <span
          key={tick.x}
          className={`absolute -translate-x-1/2 text-xs leading-none whitespace-nowrap text-slate-600 ${tickClass(tick)}`}
          style={{ left: `${tick.x}%`, top: g.plotBottom + 6 }}
        >
          {tick.label}
        </span>
      ))}
      {g.markers.map((marker) => (
        <span
          key={marker.number}
          className="absolute inline-flex -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full border-[1.5px] border-slate-700 bg-white text-xs font-semibold text-slate-800"
          style={{
            left: `${marker.x}%`,
            top: marker.y,
            width: 2 * BADGE_RADIUS,
            height: 2 * BADGE_RADIUS,
          }}
        >
          {marker.number}
        </span>
      ))}
    </>
  );
}

/** Which line is which: each series' colour and dash pattern beside its name. */
function PlotLegend({ series }: { series: TrendSeries[] }) {
  return (
    <ul className="mt-2 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs text-slate-700">
      {series.map((s, index) => {
        const look = palette[index % palette.length]!;
        return (
          <li key={s.key} className="inline-flex items-center gap-1.5">
            <svg width="24" height="8" focusable="false">
              <line
                x1={0}
                x2={24}
                y1={4}
                y2={4}
                stroke={look.stroke}
                strokeWidth={2}
                strokeDasharray={look.dash}
              />
            </svg>
            {labelOf(s)}
          </li>
        );
      })}
    </ul>
  );
}
