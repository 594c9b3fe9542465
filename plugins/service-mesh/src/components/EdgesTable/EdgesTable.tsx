import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import type { EdgeReport } from '@meshlens/plugin-service-mesh-common';
import { formatMs } from '../../utils/formatMs';
import { formatNumber } from '../../utils/formatNumber';
import { formatPercent } from '../../utils/formatPercent';
import { shortName } from '../../utils/shortName';
import { EdgeSecurityChip } from '../EdgeSecurityChip/EdgeSecurityChip';
import { ShortId } from '../ShortId/ShortId';
import { TwoLineCell } from '../TwoLineCell/TwoLineCell';

type Row = EdgeReport & { id: string };

const nowrap = { whiteSpace: 'nowrap' } as const;

function Peer(props: { edge: EdgeReport }) {
  const { peer, peerEntityRef } = props.edge;
  return (
    <ShortId value={peer} label="workload">
      {peerEntityRef ? (
        <EntityRefLink entityRef={peerEntityRef} hideIcon disableTooltip>
          {shortName(peer)}
        </EntityRefLink>
      ) : undefined}
    </ShortId>
  );
}

function columnsOf(
  direction: 'callers' | 'callees',
  multiCluster: boolean,
  multiWorkload: boolean,
): TableColumn<Row>[] {
  const identity: TableColumn<Row> =
    direction === 'callers'
      ? {
          title: 'Client identity',
          field: 'clientId',
          render: row => {
            if (row.clientId)
              return <ShortId value={row.clientId} label="client identity" />;
            return row.meshed === false ? 'none (not meshed)' : '—';
          },
        }
      : {
          title: 'Server identity',
          field: 'serverId',
          render: row =>
            row.serverId ? (
              <ShortId value={row.serverId} label="server identity" />
            ) : (
              '—'
            ),
        };
  const columns: Array<TableColumn<Row> | false> = [
    {
      title: direction === 'callers' ? 'Caller' : 'Callee',
      field: 'peer',
      highlight: true,
      render: row => <Peer edge={row} />,
    },
    identity,
    multiWorkload && {
      title: direction === 'callers' ? 'Calls' : 'From',
      field: 'workload',
      render: row => <ShortId value={row.workload} label="workload" />,
    },
    multiCluster && { title: 'Cluster', field: 'cluster', cellStyle: nowrap },
    {
      title: 'Success',
      field: 'successRate',
      type: 'numeric',
      cellStyle: nowrap,
      render: row =>
        row.successRate === undefined || row.successRate === null
          ? '—'
          : formatPercent(row.successRate),
    },
    {
      // Open connections under the rate: a column of their own did not fit 1280 px.
      title: 'Rate',
      field: 'rps',
      type: 'numeric',
      render: row => (
        <TwoLineCell
          first={`${formatNumber(row.rps)} rps`}
          // The entity's inbound connections are not attributed to unmeshed clients.
          second={
            row.meshed === false
              ? undefined
              : `${formatNumber(row.connections)} ${
                  row.connections === 1 ? 'conn' : 'conns'
                }`
          }
        />
      ),
    },
    {
      title: 'p95',
      field: 'latencyMs.p95',
      type: 'numeric',
      cellStyle: nowrap,
      render: row => (row.latencyMs ? formatMs(row.latencyMs.p95) : '—'),
    },
    {
      title: 'Security',
      field: 'security',
      render: row => <EdgeSecurityChip edge={row} />,
    },
  ];
  return columns.filter((c): c is TableColumn<Row> => c !== false);
}

/**
 * Props of {@link EdgesTable}.
 *
 * @internal
 */
export interface EdgesTableProps {
  /** e.g. `Callers (1h)`. */
  title: string;
  /** Callers show the client's identity, callees the server's. */
  direction: 'callers' | 'callees';
  edges: EdgeReport[];
  /** Shown instead of rows when there are no edges. */
  emptyMessage: string;
}

/**
 * Traffic between the entity and its peers (its callers or its callees):
 * the peer (linked to its catalog entity when known), the client identity of
 * a caller or the server identity of a callee, success rate, rate, p95
 * latency, security and open connections. Workloads and identities are
 * shown short, with the full value on hover and a copy button; the cluster
 * column appears only when the edges span more than one cluster, the
 * entity's own workload only when it has more than one.
 *
 * @internal
 */
export function EdgesTable(props: EdgesTableProps) {
  // Copies: the table writes bookkeeping fields into its rows.
  const data: Row[] = props.edges.map(edge => ({
    ...edge,
    id: `${edge.cluster}/${edge.workload}/${edge.peer}`,
  }));
  const multiCluster = new Set(props.edges.map(e => e.cluster)).size > 1;
  // Which of the entity's workloads an edge belongs to, only when it has several.
  const multiWorkload =
    new Set(props.edges.map(e => `${e.cluster}/${e.workload}`)).size > 1;

  return (
    <Table<Row>
      title={props.title}
      columns={columnsOf(props.direction, multiCluster, multiWorkload)}
      data={data}
      options={{
        // Draggable headers nest a focusable handle in the sort button (axe: nested-interactive).
        draggable: false,
        paging: data.length > 20,
        pageSize: 20,
        search: data.length > 5,
        padding: 'dense',
      }}
      emptyContent={
        <Typography variant="body2" style={{ padding: 16 }}>
          {props.emptyMessage}
        </Typography>
      }
    />
  );
}
