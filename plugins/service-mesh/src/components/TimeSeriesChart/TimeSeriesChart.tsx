import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { chartDomain } from '../../utils/chartDomain';

/**
 * Props of {@link TimeSeriesChart}.
 *
 * @internal
 */
export interface TimeSeriesChartProps {
  /** What the chart shows, e.g. `Success rate`; part of the accessible name. */
  label: string;
  /** ISO 8601 times in order; `value` is absent or `null` where there was no data. */
  points: Array<{ t: string; value?: number | null }>;
  /** Formats the values for the axis, the tooltip and the accessible name. */
  format: (value: number) => string;
  /** Bounds of the y-axis, e.g. 0 and 1 for a ratio. */
  floor?: number;
  ceiling?: number;
  /** Height in pixels (default 160). */
  height?: number;
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

// Without ResizeObserver (old browsers, jsdom) the chart keeps a fixed width.
const canResize = () => typeof ResizeObserver !== 'undefined';

const present = (value: number | null | undefined): value is number =>
  value !== undefined && value !== null && !Number.isNaN(value);

/**
 * A line chart of one value over time (recharts): gaps where there was no
 * data, a y-axis that keeps a span even when the values are flat, and a
 * tooltip with the value and the time. Exposed to assistive technology as one
 * image whose name gives the range and the last value.
 *
 * @internal
 */
export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const { label, points, format, floor, ceiling, height = 160 } = props;
  const theme = useTheme();
  const data = points.map(point => ({
    t: Date.parse(point.t),
    value: present(point.value) ? point.value : null,
  }));
  const values = data.map(d => d.value).filter(present);

  if (values.length === 0 || data.some(d => Number.isNaN(d.t))) {
    return (
      <Typography variant="body2" color="textSecondary">
        {`${label}: no data in this window.`}
      </Typography>
    );
  }

  const [tMin, tMax] = [data[0].t, data[data.length - 1].t];
  const withDate = tMax - tMin >= 12 * 3_600_000;
  const [start, end] = [formatTime(tMin, withDate), formatTime(tMax, withDate)];
  const name = `${label} from ${start} to ${end}: min ${format(
    Math.min(...values),
  )}, max ${format(Math.max(...values))}, last ${format(
    values[values.length - 1],
  )}`;
  const muted = theme.palette.text.secondary;
  const responsive = canResize();
  const chart = (
    <LineChart
      data={data}
      margin={{ top: 8, right: 12, bottom: 0, left: 4 }}
      {...(responsive ? {} : { width: 320, height })}
    >
      <CartesianGrid stroke={theme.palette.divider} vertical={false} />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={[tMin, tMax]}
        tickFormatter={(t: number) => formatTime(t, withDate)}
        tick={{ fill: muted, fontSize: 11 }}
        stroke={muted}
        minTickGap={24}
      />
      <YAxis
        domain={chartDomain(values, { floor, ceiling })}
        tickFormatter={(v: number) => format(v)}
        tick={{ fill: muted, fontSize: 11 }}
        stroke={muted}
        width={64}
        tickCount={4}
      />
      <Tooltip
        labelFormatter={(t: number) => new Date(t).toLocaleString()}
        formatter={(v: number) => [format(v), label]}
        contentStyle={{
          background: theme.palette.background.paper,
          border: `1px solid ${theme.palette.divider}`,
          color: theme.palette.text.primary,
        }}
      />
      <Line
        type="linear"
        dataKey="value"
        stroke={theme.palette.primary.main}
        strokeWidth={1.5}
        dot={values.length < 3}
        connectNulls={false}
        isAnimationActive={false}
      />
    </LineChart>
  );

  return (
    <div
      role="img"
      aria-label={name}
      data-chart={label}
      style={{ width: '100%', height }}
    >
      {responsive ? (
        <ResponsiveContainer width="100%" height="100%">
          {chart}
        </ResponsiveContainer>
      ) : (
        chart
      )}
    </div>
  );
}
