import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';

const width = 320;
const height = 110;
const plot = { left: 56, right: width - 8, top: 10, bottom: height - 24 };

/**
 * Props of {@link LineChart}.
 *
 * @internal
 */
export interface LineChartProps {
  /** What the chart shows, e.g. `Success rate`; part of the accessible name. */
  label: string;
  /** ISO 8601 times in order; `value` is absent or `null` where there was no data (a gap). */
  points: Array<{ t: string; value?: number | null }>;
  /** Formats the values for the axis labels and the accessible name. */
  format: (value: number) => string;
}

/** Time of day; with the date too when the chart spans half a day or more. */
function formatTime(ms: number, withDate: boolean): string {
  const time = { hour: '2-digit', minute: '2-digit' } as const;
  return withDate
    ? new Date(ms).toLocaleString(undefined, {
        month: 'short',
        day: 'numeric',
        ...time,
      })
    : new Date(ms).toLocaleTimeString(undefined, time);
}

/** Splits the points into runs without gaps, each drawn as its own line. */
function segmentsOf(
  points: Array<{ x: number; y?: number | null }>,
): Array<Array<{ x: number; y: number }>> {
  const segments: Array<Array<{ x: number; y: number }>> = [[]];
  for (const { x, y } of points) {
    if (y === undefined || y === null || Number.isNaN(y)) {
      if (segments[segments.length - 1].length > 0) segments.push([]);
    } else {
      segments[segments.length - 1].push({ x, y });
    }
  }
  return segments.filter(segment => segment.length > 0);
}

/**
 * A small line chart in plain SVG: one line over time, the minimum and
 * maximum value on the vertical axis and the first and last time on the
 * horizontal one. Gaps in the data are left as gaps. Exposed to assistive
 * technology as one image whose name gives the range and the last value.
 *
 * @internal
 */
export function LineChart(props: LineChartProps) {
  const { label, points, format } = props;
  const theme = useTheme();
  const times = points.map(point => Date.parse(point.t));
  const values = points
    .map(point => point.value)
    .filter(
      (value): value is number =>
        value !== undefined && value !== null && !Number.isNaN(value),
    );

  if (values.length === 0 || times.some(Number.isNaN)) {
    return (
      <Typography variant="body2" color="textSecondary">
        {`${label}: no data in this window.`}
      </Typography>
    );
  }

  const [tMin, tMax] = [times[0], times[times.length - 1]];
  const withDate = tMax - tMin >= 12 * 3_600_000;
  const [start, end] = [formatTime(tMin, withDate), formatTime(tMax, withDate)];
  const [vMin, vMax] = [Math.min(...values), Math.max(...values)];
  const x = (t: number) =>
    tMax === tMin
      ? (plot.left + plot.right) / 2
      : plot.left + ((t - tMin) / (tMax - tMin)) * (plot.right - plot.left);
  const y = (v: number) =>
    vMax === vMin
      ? (plot.top + plot.bottom) / 2
      : plot.bottom - ((v - vMin) / (vMax - vMin)) * (plot.bottom - plot.top);
  const segments = segmentsOf(
    points.map((point, i) => ({ x: x(times[i]), y: point.value })),
  );
  const last = values[values.length - 1];
  const name = `${label} from ${start} to ${end}: min ${format(
    vMin,
  )}, max ${format(vMax)}, last ${format(last)}`;
  const line = theme.palette.primary.main;
  const muted = theme.palette.text.secondary;

  return (
    <svg
      role="img"
      aria-label={name}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width * 1.5, display: 'block' }}
    >
      <title>{name}</title>
      <line
        x1={plot.left}
        x2={plot.left}
        y1={plot.top}
        y2={plot.bottom}
        stroke={muted}
        strokeWidth={0.5}
      />
      <line
        x1={plot.left}
        x2={plot.right}
        y1={plot.bottom}
        y2={plot.bottom}
        stroke={muted}
        strokeWidth={0.5}
      />
      <g fill={muted} fontSize={10} fontFamily={theme.typography.fontFamily}>
        <text x={plot.left - 4} y={plot.top + 4} textAnchor="end">
          {format(vMax)}
        </text>
        <text x={plot.left - 4} y={plot.bottom} textAnchor="end">
          {format(vMin)}
        </text>
        <text x={plot.left} y={height - 8} textAnchor="start">
          {start}
        </text>
        <text x={plot.right} y={height - 8} textAnchor="end">
          {end}
        </text>
      </g>
      {segments.map(segment =>
        segment.length === 1 ? (
          <circle
            key={segment[0].x}
            cx={segment[0].x}
            cy={y(segment[0].y)}
            r={2}
            fill={line}
          />
        ) : (
          <polyline
            key={segment[0].x}
            points={segment.map(p => `${p.x},${y(p.y)}`).join(' ')}
            fill="none"
            stroke={line}
            strokeWidth={1.5}
            strokeLinejoin="round"
          />
        ),
      )}
    </svg>
  );
}
