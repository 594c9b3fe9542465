import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { AdoptionReport } from '@meshlens/plugin-service-mesh-common';
import { formatNumber } from '../../utils/formatNumber';
import { formatPercent } from '../../utils/formatPercent';

const useStyles = makeStyles(theme => ({
  statements: {
    margin: theme.spacing(1, 0, 0),
    paddingLeft: theme.spacing(2.5),
  },
}));

/**
 * The cost of meshing in one sentence: `≈ 75 MiB more memory (sidecars 60,
 * control plane 0) against …`.
 *
 * @internal
 */
export function costSentence(cost: AdoptionReport['cost']): string {
  const total = formatNumber(cost.totalMemoryMiB);
  const sidecars = formatNumber(cost.sidecarMemoryMiB);
  const controlPlane = formatNumber(cost.controlPlaneMemoryMiB);
  const more = `≈ ${total} MiB more memory (sidecars ${sidecars}, control plane ${controlPlane})`;
  if (cost.allocatableMemoryMiB <= 0) {
    // No node facts: 0 MiB allocatable means unknown, not an empty cluster.
    return `${more}; allocatable memory unknown`;
  }
  const allocatable = formatNumber(cost.allocatableMemoryMiB);
  const share = formatPercent(cost.totalMemoryMiB / cost.allocatableMemoryMiB);
  return `${more} against ${allocatable} MiB allocatable (${share})`;
}

/**
 * Props of {@link AdoptionCost}.
 *
 * @internal
 */
export interface AdoptionCostProps {
  cost: AdoptionReport['cost'];
}

/**
 * What meshing an entity would cost: the extra memory against the
 * allocatable memory of its clusters (with the share when known), then the
 * operational and compatibility statements.
 *
 * @internal
 */
export function AdoptionCost(props: AdoptionCostProps) {
  const { cost } = props;
  const classes = useStyles();
  return (
    <div>
      <Typography variant="body1">{costSentence(cost)}</Typography>
      {cost.statements.length > 0 && (
        <ul className={classes.statements} aria-label="Cost statements">
          {cost.statements.map(statement => (
            <Typography key={statement} component="li" variant="body2">
              {statement}
            </Typography>
          ))}
        </ul>
      )}
    </div>
  );
}
