import { useTheme } from '@material-ui/core/styles';
import type { TrafficEdge } from '../../utils/trafficGraph';
import { edgeColours } from './edgeColours';

/**
 * Props of {@link TrafficGraphEdge}: the laid-out edge as the dependency
 * graph hands it over.
 *
 * @internal
 */
export interface TrafficGraphEdgeProps {
  edge: TrafficEdge & {
    points: Array<{ x: number; y: number }>;
    x?: number;
    y?: number;
  };
}

/**
 * An edge of the traffic graph: coloured by security, dashed for TCP,
 * thick for a failing success rate, with an arrow and its label (rate and
 * success rate, or connections for TCP).
 *
 * @internal
 */
export function TrafficGraphEdge(props: TrafficGraphEdgeProps) {
  const { edge } = props;
  const theme = useTheme();
  const points = edge.points.filter(
    p => Number.isFinite(p.x) && Number.isFinite(p.y),
  );
  if (points.length < 2) return null;
  const colour = edgeColours(theme)[edge.security];
  const d = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`)
    .join(' ');
  const mid = points[Math.floor(points.length / 2)];
  const [lx, ly] = [edge.x ?? mid.x, edge.y ?? mid.y];
  const label = edge.failing ? `⚠ ${edge.label}` : edge.label;
  const labelWidth = label.length * 6.6 + 10;
  return (
    <g>
      <path
        d={d}
        fill="none"
        stroke={colour}
        strokeWidth={edge.failing ? 4 : 2}
        strokeDasharray={edge.protocol === 'tcp' ? '7 4' : undefined}
        strokeLinejoin="round"
        markerEnd={`url(#traffic-arrow-${edge.security})`}
        data-edge={`${edge.from} -> ${edge.to}`}
        data-security={edge.security}
        data-protocol={edge.protocol}
        data-failing={edge.failing ? 'true' : 'false'}
      >
        <title>{`${edge.from} → ${edge.to}: ${edge.security}, ${edge.label}`}</title>
      </path>
      <g transform={`translate(${lx - labelWidth / 2},${ly - 9})`}>
        <rect
          width={labelWidth}
          height={18}
          rx={4}
          fill={theme.palette.background.paper}
          stroke={colour}
          strokeWidth={edge.failing ? 2 : 0.8}
        />
        <text
          x={labelWidth / 2}
          y={13}
          textAnchor="middle"
          fontSize={11}
          fontWeight={edge.failing ? 700 : 400}
          fill={theme.palette.text.primary}
          fontFamily={theme.typography.fontFamily}
        >
          {label}
        </text>
      </g>
    </g>
  );
}
