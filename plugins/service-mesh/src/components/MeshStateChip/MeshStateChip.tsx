import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import type { EntityMeshState } from '@meshlens/plugin-service-mesh-common';

const labels: Record<EntityMeshState, string> = {
  meshed: 'meshed',
  partial: 'partial',
  unmeshed: 'unmeshed',
  'no-workloads': 'no workloads',
};

const filled = (theme: Theme, color: string) => ({
  backgroundColor: color,
  color: theme.palette.getContrastText(color),
});

const useStyles = makeStyles(theme => ({
  meshed: filled(theme, theme.palette.success.main),
  partial: filled(theme, theme.palette.warning.main),
  unmeshed: filled(theme, theme.palette.error.main),
  'no-workloads': filled(theme, theme.palette.grey[500]),
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
