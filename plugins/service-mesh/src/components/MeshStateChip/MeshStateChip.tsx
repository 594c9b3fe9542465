import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { filledChip } from '../../utils/readableColours';
import type { EntityMeshState } from '@meshlens/plugin-service-mesh-common';

const labels: Record<EntityMeshState, string> = {
  meshed: 'meshed',
  partial: 'partial',
  unmeshed: 'unmeshed',
  'no-workloads': 'no workloads',
};

const useStyles = makeStyles(theme => ({
  meshed: filledChip(theme.palette.success.main),
  partial: filledChip(theme.palette.warning.main),
  unmeshed: filledChip(theme.palette.error.main),
  'no-workloads': filledChip(theme.palette.grey[500]),
}));

/**
 * Props of {@link MeshStateChip}.
 *
 * @internal
 */
export interface MeshStateChipProps {
  /** Mesh state of an entity or a workload. */
  state: EntityMeshState;
  /** Chip size; `small` by default. */
  size?: 'small' | 'medium';
}

/**
 * A colored chip naming a mesh state: `meshed`, `partial`, `unmeshed` or
 * `no workloads`.
 *
 * @internal
 */
export function MeshStateChip(props: MeshStateChipProps) {
  const { state, size = 'small' } = props;
  const classes = useStyles();
  const className = (classes as Record<string, string | undefined>)[state];
  return (
    <Chip
      size={size}
      label={labels[state] ?? state}
      className={className}
      data-testid="mesh-state"
    />
  );
}
