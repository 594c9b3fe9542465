import { parseEntityRef } from '@backstage/catalog-model';
import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { EntityMeshSummary } from '@meshlens/plugin-service-mesh-common';
import { ReactNode } from 'react';
import { formatPercent } from '../../utils/formatPercent';
import { MeshStateChip } from '../MeshStateChip/MeshStateChip';
import { RecommendationChip } from '../RecommendationChip/RecommendationChip';
import { TwoLineCell } from '../TwoLineCell/TwoLineCell';

type Row = EntityMeshSummary & { id: string };

/** A column of {@link EntitySummaryTable}. */
export type EntitySummaryColumn =
  | 'entity'
  | 'clusters'
  | 'state'
  | 'statePods'
  | 'pods'
  | 'mtls'
  | 'successRate'
  | 'recommendation'
  | 'recommendationWarnings'
  | 'score'
  | 'warnings';

const dash = '—';
const nowrap = { whiteSpace: 'nowrap' } as const;
const compact = { paddingLeft: 6, paddingRight: 6 } as const;

/**
 * An entity by name, its namespace under it when not `default`: the full
 * `namespace/name` on one line made the table wider than 1280 px allows.
 */
function EntityCell(props: { entityRef: string }) {
  let ref: { namespace: string; name: string };
  try {
    ref = parseEntityRef(props.entityRef);
  } catch {
    return <EntityRefLink entityRef={props.entityRef} />;
  }
  const qualified = ref.namespace !== 'default';
  return (
    <TwoLineCell
      first={
        <EntityRefLink
          entityRef={props.entityRef}
          aria-label={qualified ? `${ref.namespace}/${ref.name}` : undefined}
        >
          {ref.name}
        </EntityRefLink>
      }
      second={qualified ? ref.namespace : undefined}
    />
  );
}

const allColumns: Record<EntitySummaryColumn, TableColumn<Row>> = {
  entity: {
    title: 'Entity',
    field: 'entityRef',
    highlight: true,
    render: row => <EntityCell entityRef={row.entityRef} />,
  },
  clusters: {
    title: 'Clusters',
    field: 'clusters',
    customSort: (a, b) => a.clusters.join().localeCompare(b.clusters.join()),
    // One cluster a line: a cluster name never breaks at its hyphen.
    render: row =>
      row.clusters.length === 0
        ? dash
        : row.clusters.map(cluster => (
            <div key={cluster} style={nowrap}>
              {cluster}
            </div>
          )),
  },
  state: {
    title: 'State',
    field: 'state',
    cellStyle: nowrap,
    render: row => <MeshStateChip state={row.state} />,
  },
  statePods: {
    title: 'State',
    field: 'state',
    render: row => (
      <TwoLineCell
        first={<MeshStateChip state={row.state} />}
        second={`${row.meshedPods}/${row.totalPods} pods meshed`}
      />
    ),
  },
  pods: {
    title: 'Pods',
    field: 'meshedPods',
    type: 'numeric',
    cellStyle: nowrap,
    render: row => `${row.meshedPods}/${row.totalPods}`,
  },
  mtls: {
    title: 'mTLS',
    field: 'inboundTlsRatio',
    type: 'numeric',
    cellStyle: nowrap,
    render: row =>
      row.inboundTlsRatio === undefined
        ? dash
        : formatPercent(row.inboundTlsRatio),
  },
  successRate: {
    title: 'Success',
    field: 'successRate',
    type: 'numeric',
    cellStyle: nowrap,
    render: row =>
      row.successRate === undefined ? dash : formatPercent(row.successRate),
  },
  recommendation: {
    title: 'Recommendation',
    field: 'recommendation',
    render: row =>
      row.recommendation ? (
        <RecommendationChip recommendation={row.recommendation} size="small" />
      ) : (
        dash
      ),
  },
  recommendationWarnings: {
    title: 'Recommendation',
    field: 'recommendation',
    render: row => (
      <TwoLineCell
        first={
          row.recommendation ? (
            <RecommendationChip
              recommendation={row.recommendation}
              size="small"
            />
          ) : (
            dash
          )
        }
        second={`${row.warnings} ${
          row.warnings === 1 ? 'warning' : 'warnings'
        }`}
      />
    ),
  },
  score: {
    title: 'Score',
    field: 'score',
    type: 'numeric',
    render: row => (row.score === undefined ? dash : Math.round(row.score)),
  },
  warnings: { title: 'Warnings', field: 'warnings', type: 'numeric' },
};

/**
 * Props of {@link EntitySummaryTable}.
 *
 * @internal
 */
export interface EntitySummaryTableProps {
  title?: string;
  entities: EntityMeshSummary[];
  /** Which columns to show, in order. */
  columns: EntitySummaryColumn[];
  /** Shown instead of the rows when there are none. */
  emptyContent?: ReactNode;
}

/**
 * A sortable table of entity mesh summaries with entity links, state and
 * recommendation chips.
 *
 * @internal
 */
export function EntitySummaryTable(props: EntitySummaryTableProps) {
  const { title, entities, columns, emptyContent } = props;
  // Copies: the table writes bookkeeping fields into its rows.
  const data: Row[] = entities.map(entity => ({
    ...entity,
    clusters: [...entity.clusters],
    id: entity.entityRef,
  }));

  return (
    <Table<Row>
      title={title}
      columns={columns.map(column => ({
        ...allColumns[column],
        // Narrow cells, so that seven columns fit a half-width group card at 1280 px.
        cellStyle: { ...(allColumns[column].cellStyle as object), ...compact },
        headerStyle: compact,
      }))}
      data={data}
      emptyContent={emptyContent}
      options={{
        // Draggable headers nest a focusable handle in the sort button (axe: nested-interactive).
        draggable: false,
        paging: data.length > 20,
        pageSize: 20,
        search: false,
        padding: 'dense',
        toolbar: Boolean(title),
      }}
    />
  );
}
