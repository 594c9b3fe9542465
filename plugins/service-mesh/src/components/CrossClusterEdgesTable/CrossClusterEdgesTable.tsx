import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type { CrossClusterEdge } from '@meshlens/plugin-service-mesh-common';
import { formatPercent } from '../../utils/formatPercent';
import { CompactTable } from '../CompactTable/CompactTable';

function Nowrap(props: { text: string }) {
  return <span style={{ whiteSpace: 'nowrap' }}>{props.text}</span>;
}

/**
 * Props of {@link CrossClusterEdgesTable}.
 *
 * @internal
 */
export interface CrossClusterEdgesTableProps {
  edges: CrossClusterEdge[];
  /** The metrics window as requested (`1h`). */
  window: string;
}

/**
 * Calls from the entity's workloads to mirror Services (Services of another
 * cluster reached through a Link), each marked cross-cluster with its target
 * cluster and Service, rate, success rate and mTLS share (to the gateway).
 *
 * @internal
 */
export function CrossClusterEdgesTable(props: CrossClusterEdgesTableProps) {
  const { edges } = props;
  return (
    <section aria-label="Cross-cluster calls">
      <Typography variant="h6">Cross-cluster calls ({props.window})</Typography>
      {edges.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {`No calls to mirrored Services (Services of a linked cluster) in the last ${props.window}.`}
        </Typography>
      ) : (
        <CompactTable
          label="Cross-cluster calls"
          headers={[
            'Workload',
            'Mirror Service',
            'Target',
            'RPS',
            'Success',
            'mTLS',
            'Peer identity',
          ]}
          rows={edges.map(e => ({
            key: `${e.cluster}/${e.workload}/${e.mirrorService}`,
            cells: [
              `${e.workload} (${e.cluster})`,
              e.mirrorService,
              <span style={{ whiteSpace: 'nowrap' }}>
                <Chip size="small" label="cross-cluster" variant="outlined" />{' '}
                {`${e.targetService} in ${e.targetCluster}`}
              </span>,
              <Nowrap text={e.rps.toFixed(2)} />,
              <Nowrap
                text={
                  e.successRate === undefined
                    ? '—'
                    : formatPercent(e.successRate)
                }
              />,
              <Nowrap text={formatPercent(e.tlsShare)} />,
              <span style={{ wordBreak: 'break-all' }}>
                {e.serverId ?? '—'}
              </span>,
            ],
          }))}
        />
      )}
    </section>
  );
}
