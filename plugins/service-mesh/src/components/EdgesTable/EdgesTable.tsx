import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import LockIcon from '@material-ui/icons/Lock';
import LockOpenIcon from '@material-ui/icons/LockOpen';
import type { EdgeReport } from '@meshlens/plugin-service-mesh-common';
import { formatMs } from '../../utils/formatMs';
import { formatNumber } from '../../utils/formatNumber';
import { formatPercent } from '../../utils/formatPercent';

type Row = EdgeReport & { id: string };

function Peer(props: { edge: EdgeReport }) {
  const { peer, peerEntityRef } = props.edge;
  if (!peerEntityRef) {
    return <>{peer}</>;
  }
  return (
    <>
      <EntityRefLink entityRef={peerEntityRef} hideIcon />
      <Typography variant="caption" color="textSecondary" display="block">
        {peer}
      </Typography>
    </>
  );
}

function Security(props: { edge: EdgeReport }) {
  const { security, serverId, noTlsReason } = props.edge;
  const mtls = security === 'mtls';
  const detail = mtls ? serverId : noTlsReason;
  return (
    <>
      <Chip
        size="small"
        icon={mtls ? <LockIcon /> : <LockOpenIcon />}
        label={mtls ? 'mTLS' : 'plaintext'}
        color={mtls ? 'primary' : 'default'}
        variant={mtls ? 'default' : 'outlined'}
      />
      {detail && (
        <Typography
          variant="caption"
          color="textSecondary"
          display="block"
          title={mtls ? 'Server identity' : 'Reason'}
        >
          {detail}
        </Typography>
      )}
    </>
  );
}

const columns: TableColumn<Row>[] = [
  {
    title: 'Peer',
    field: 'peer',
    highlight: true,
    render: row => <Peer edge={row} />,
  },
  { title: 'Cluster', field: 'cluster' },
  { title: 'Workload', field: 'workload' },
  {
    title: 'Success rate',
    field: 'successRate',
    type: 'numeric',
    render: row =>
      row.successRate === undefined ? '—' : formatPercent(row.successRate),
  },
  {
    title: 'RPS',
    field: 'rps',
    type: 'numeric',
    render: row => formatNumber(row.rps),
  },
  {
    title: 'p95 latency',
    field: 'latencyMs.p95',
    type: 'numeric',
    render: row => (row.latencyMs ? formatMs(row.latencyMs.p95) : '—'),
  },
  {
    title: 'Security',
    field: 'security',
    render: row => <Security edge={row} />,
  },
  { title: 'Connections', field: 'connections', type: 'numeric' },
];

/**
 * Props of {@link EdgesTable}.
 *
 * @internal
 */
export interface EdgesTableProps {
  /** e.g. `Callers`. */
  title: string;
  edges: EdgeReport[];
  /** Shown instead of rows when there are no edges. */
  emptyMessage: string;
}

/**
 * Traffic between the entity and its peers (its callers or its callees):
 * the peer (linked to its catalog entity when known), success rate, RPS, p95
 * latency, security (mTLS with the server identity, or plaintext with the
 * reason) and open connections.
 *
 * @internal
 */
export function EdgesTable(props: EdgesTableProps) {
  // Copies: the table writes bookkeeping fields into its rows.
  const data: Row[] = props.edges.map(edge => ({
    ...edge,
    id: `${edge.cluster}/${edge.workload}/${edge.peer}`,
  }));

  return (
    <Table<Row>
      title={props.title}
      columns={columns}
      data={data}
      options={{
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
