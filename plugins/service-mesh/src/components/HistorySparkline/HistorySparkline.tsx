import { useTheme } from '@material-ui/core/styles';

const width = 160;
const height = 36;
const pad = 3;

/**
 * Props of {@link HistorySparkline}.
 *
 * @internal
 */
export interface HistorySparklineProps {
  /** What the line shows, e.g. `Readiness score`; starts the accessible name. */
  label: string;
  /** ISO 8601 times, oldest first, with their values. */
  points: Array<{ t: string; value: number }>;
  /** The top of the fixed scale, whose bottom is 0 (e.g. 100 for a score). */
  max: number;
  /** Formats a value for the accessible name. */
  format: (value: number) => string;
}

/** Horizontal positions by time; evenly spaced when the times cannot tell. */
function xsOf(times: number[]): number[] {
  const [tMin, tMax] = [times[0], times[times.length - 1]];
  const byTime = !times.some(Number.isNaN) && tMax > tMin;
  const span = width - 2 * pad;
  return times.map((t, i) => {
    if (times.length === 1) return width / 2;
    const share = byTime ? (t - tMin) / (tMax - tMin) : i / (times.length - 1);
    return pad + share * span;
  });
}

/**
 * A sparkline in plain SVG on a fixed scale from 0 to `max`, so that a small
 * change looks small. Exposed to assistive technology as one image whose name
 * states the first, last, lowest and highest value.
 *
 * @internal
 */
export function HistorySparkline(props: HistorySparklineProps) {
  const { label, points, max, format } = props;
  const theme = useTheme();
  if (points.length === 0) return null;

  const values = points.map(point => point.value);
  const xs = xsOf(points.map(point => Date.parse(point.t)));
  const y = (v: number) =>
    height - pad - (Math.min(max, Math.max(0, v)) / max) * (height - 2 * pad);
  const path = values
    .map(
      (v, i) => `${i === 0 ? 'M' : 'L'}${xs[i].toFixed(1)} ${y(v).toFixed(1)}`,
    )
    .join(' ');
  const [first, last] = [values[0], values[values.length - 1]];
  const dateOf = (i: number) => points[i].t.slice(0, 10);
  const name = `${label}: ${format(first)} on ${dateOf(0)}, ${format(
    last,
  )} on ${dateOf(values.length - 1)}; lowest ${format(
    Math.min(...values),
  )}, highest ${format(Math.max(...values))} over ${values.length} ${
    values.length === 1 ? 'point' : 'points'
  }`;

  return (
    <svg
      role="img"
      aria-label={name}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      style={{ display: 'block', overflow: 'visible' }}
    >
      <title>{name}</title>
      <line
        x1={0}
        x2={width}
        y1={y(0)}
        y2={y(0)}
        stroke={theme.palette.divider}
        strokeWidth={1}
      />
      {values.length > 1 && (
        <path
          d={path}
          fill="none"
          stroke={theme.palette.primary.main}
          strokeWidth={1.5}
          strokeLinejoin="round"
        />
      )}
      <circle
        cx={xs[xs.length - 1]}
        cy={y(last)}
        r={2.5}
        fill={theme.palette.primary.main}
      />
    </svg>
  );
}
