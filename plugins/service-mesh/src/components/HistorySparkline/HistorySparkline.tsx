import { useTheme } from '@material-ui/core/styles';
import { Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';

const width = 160;
const height = 36;

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
  /** Formats a value for the accessible name and the tooltip. */
  format: (value: number) => string;
}

/**
 * A sparkline (recharts) on a fixed scale from 0 to `max`, so that a small
 * change looks small; points are placed by time, values clamped to the
 * scale, and hovering shows a point's value and time. Exposed to assistive
 * technology as one image whose name states the first, last, lowest and
 * highest value.
 *
 * @internal
 */
export function HistorySparkline(props: HistorySparklineProps) {
  const { label, points, max, format } = props;
  const theme = useTheme();
  if (points.length === 0) return null;

  const values = points.map(point => point.value);
  const data = points.map((point, i) => {
    const t = Date.parse(point.t);
    return {
      // Evenly spaced when the times cannot tell.
      t: Number.isNaN(t) ? i : t,
      value: Math.min(max, Math.max(0, point.value)),
    };
  });
  const [first, last] = [values[0], values[values.length - 1]];
  const dateOf = (i: number) => points[i].t.slice(0, 10);
  const name = `${label}: ${format(first)} on ${dateOf(0)}, ${format(
    last,
  )} on ${dateOf(values.length - 1)}; lowest ${format(
    Math.min(...values),
  )}, highest ${format(Math.max(...values))} over ${values.length} ${
    values.length === 1 ? 'point' : 'points'
  }`;
  const colour = theme.palette.primary.main;

  return (
    <div role="img" aria-label={name} style={{ width, height }}>
      <LineChart
        width={width}
        height={height}
        data={data}
        margin={{ top: 3, right: 3, bottom: 3, left: 3 }}
      >
        <XAxis
          dataKey="t"
          type="number"
          scale={data.length > 1 ? 'time' : 'auto'}
          domain={['dataMin', 'dataMax']}
          hide
        />
        <YAxis domain={[0, max]} hide />
        <Tooltip
          labelFormatter={(t: number) =>
            points.length > 0 && !Number.isNaN(Date.parse(points[0].t))
              ? new Date(t).toLocaleString()
              : ''
          }
          formatter={(v: number) => [format(v), label]}
          contentStyle={{
            background: theme.palette.background.paper,
            border: `1px solid ${theme.palette.divider}`,
            color: theme.palette.text.primary,
            fontSize: 12,
          }}
        />
        <Line
          type="linear"
          dataKey="value"
          stroke={colour}
          strokeWidth={1.5}
          dot={data.length === 1 ? { r: 2.5, fill: colour } : false}
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
