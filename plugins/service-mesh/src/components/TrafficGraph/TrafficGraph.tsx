import {
  DependencyGraph,
  DependencyGraphTypes,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import type {
  TrafficEdge,
  TrafficGraph as Graph,
  TrafficNode,
} from '../../utils/trafficGraph';
import { edgeColours } from './edgeColours';
import { TrafficGraphEdge, TrafficGraphEdgeProps } from './TrafficGraphEdge';
import { TrafficGraphNode } from './TrafficGraphNode';

const useStyles = makeStyles(theme => ({
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(3),
    margin: theme.spacing(1, 0, 0),
    padding: 0,
    listStyle: 'none',
  },
  item: { display: 'inline-flex', alignItems: 'center', gap: theme.spacing(1) },
}));

function Legend() {
  const classes = useStyles();
  const theme = useTheme();
  const colours = edgeColours(theme);
  const items: Array<{
    label: string;
    stroke: string;
    width?: number;
    dash?: string;
  }> = [
    { label: 'mTLS', stroke: colours.mtls },
    { label: 'partial mTLS', stroke: colours.partial },
    { label: 'plaintext', stroke: colours.plaintext },
    {
      label: 'TCP (connections)',
      stroke: theme.palette.text.secondary,
      dash: '7 4',
    },
    {
      label: 'failing (success < 90%)',
      stroke: theme.palette.text.secondary,
      width: 4,
    },
  ];
  const unmeshed = 'not meshed (plaintext caller)';
  return (
    <ul className={classes.legend} aria-label="Graph legend">
      {items.map(item => (
        <li key={item.label} className={classes.item}>
          <svg width={32} height={10} aria-hidden="true">
            <line
              x1={0}
              x2={32}
              y1={5}
              y2={5}
              stroke={item.stroke}
              strokeWidth={item.width ?? 2}
              strokeDasharray={item.dash}
            />
          </svg>
          <Typography variant="caption">{item.label}</Typography>
        </li>
      ))}
      <li key={unmeshed} className={classes.item}>
        <svg width={32} height={14} aria-hidden="true">
          <rect
            x={1}
            y={1}
            width={30}
            height={12}
            rx={3}
            fill="none"
            stroke={theme.palette.text.secondary}
            strokeDasharray="4 3"
          />
        </svg>
        <Typography variant="caption">{unmeshed}</Typography>
      </li>
    </ul>
  );
}

/**
 * Props of {@link TrafficGraph}.
 *
 * @internal
 */
export interface TrafficGraphProps {
  graph: Graph;
  /** The accessible name of the graph, e.g. `Traffic of orchestrator`. */
  label: string;
}

/**
 * Who talks to whom, laid out left to right by the catalog's dependency
 * graph: workloads as nodes (linked to their entities), edges coloured by
 * security, labelled with rate and success rate, failing edges thick and TCP
 * edges dashed; a legend follows.
 *
 * @internal
 */
export function TrafficGraph(props: TrafficGraphProps) {
  const { graph, label } = props;
  const theme = useTheme();
  const colours = edgeColours(theme);
  if (graph.nodes.length === 0) {
    return (
      <Typography variant="body2">
        No traffic through the mesh in this window.
      </Typography>
    );
  }
  return (
    <figure
      aria-label={label}
      style={{ margin: 0 }}
      data-testid="traffic-graph"
    >
      <DependencyGraph<TrafficNode, TrafficEdge>
        nodes={graph.nodes}
        edges={graph.edges}
        direction={DependencyGraphTypes.Direction.LEFT_RIGHT}
        rankMargin={140}
        nodeMargin={24}
        paddingX={16}
        paddingY={16}
        zoom="enable-on-click"
        renderNode={({ node }) => <TrafficGraphNode node={node} />}
        renderEdge={({ edge, id }) => (
          <TrafficGraphEdge
            key={`${id.v}-${id.w}`}
            edge={edge as TrafficGraphEdgeProps['edge']}
          />
        )}
        defs={Object.entries(colours).map(([security, colour]) => (
          <marker
            key={security}
            id={`traffic-arrow-${security}`}
            viewBox="0 0 10 10"
            refX={9}
            refY={5}
            markerWidth={7}
            markerHeight={7}
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill={colour} />
          </marker>
        ))}
      />
      <Legend />
    </figure>
  );
}
