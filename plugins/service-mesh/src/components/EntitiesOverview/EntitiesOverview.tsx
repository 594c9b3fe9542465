import type {
  EntityMeshState,
  EntityMeshSummary,
} from '@meshlens/plugin-service-mesh-common';
import MenuItem from '@material-ui/core/MenuItem';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useState } from 'react';
import { EntitySummaryTable } from '../EntitySummaryTable/EntitySummaryTable';

const states: EntityMeshState[] = [
  'meshed',
  'partial',
  'unmeshed',
  'no-workloads',
];

const useStyles = makeStyles(theme => ({
  filters: {
    display: 'flex',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
    padding: theme.spacing(1, 2, 2),
  },
  state: { minWidth: 180 },
}));

/**
 * Props of {@link EntitiesOverview}.
 *
 * @internal
 */
export interface EntitiesOverviewProps {
  entities: EntityMeshSummary[];
}

/**
 * Every entity's mesh summary in a sortable table, with a text filter on the
 * entity reference and clusters and a filter on the mesh state.
 *
 * @internal
 */
export function EntitiesOverview(props: EntitiesOverviewProps) {
  const classes = useStyles();
  const [text, setText] = useState('');
  const [state, setState] = useState<EntityMeshState | 'all'>('all');

  const needle = text.trim().toLocaleLowerCase('en-US');
  const entities = props.entities.filter(
    entity =>
      (state === 'all' || entity.state === state) &&
      [entity.entityRef, ...entity.clusters].some(value =>
        value.toLocaleLowerCase('en-US').includes(needle),
      ),
  );

  return (
    <>
      {/* On paper, not the page background: the labels' grey reads at WCAG AA there. */}
      <Paper className={classes.filters}>
        <TextField
          id="service-mesh-entity-filter"
          label="Filter entities"
          value={text}
          onChange={event => setText(event.target.value)}
        />
        <TextField
          select
          id="service-mesh-state-filter"
          label="State"
          className={classes.state}
          value={state}
          onChange={event =>
            setState(event.target.value as EntityMeshState | 'all')
          }
        >
          <MenuItem value="all">All states</MenuItem>
          {states.map(option => (
            <MenuItem key={option} value={option}>
              {option === 'no-workloads' ? 'no workloads' : option}
            </MenuItem>
          ))}
        </TextField>
      </Paper>
      <EntitySummaryTable
        title={`Entities (${entities.length} of ${props.entities.length})`}
        entities={entities}
        columns={[
          'entity',
          'clusters',
          'state',
          'pods',
          'recommendation',
          'score',
          'warnings',
        ]}
        emptyContent={
          <Typography variant="body2" style={{ padding: 16 }}>
            No entity matches the filters.
          </Typography>
        }
      />
    </>
  );
}
