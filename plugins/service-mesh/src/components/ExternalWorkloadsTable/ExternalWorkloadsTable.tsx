import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type { WorkloadReport } from '@meshlens/plugin-service-mesh-common';
import { CompactTable } from '../CompactTable/CompactTable';

/**
 * Props of {@link ExternalWorkloadsTable}.
 *
 * @internal
 */
export interface ExternalWorkloadsTableProps {
  /** The entity's workloads; only those of kind `ExternalWorkload` are listed. */
  workloads: WorkloadReport[];
}

/**
 * Mesh expansion: the entity's ExternalWorkloads (proxies outside
 * Kubernetes) with their identity, addresses, ports and readiness.
 *
 * @internal
 */
export function ExternalWorkloadsTable(props: ExternalWorkloadsTableProps) {
  const external = props.workloads.filter(w => w.external);
  return (
    <section aria-label="ExternalWorkloads">
      <Typography variant="h6">ExternalWorkloads (mesh expansion)</Typography>
      {external.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No ExternalWorkload (workload.linkerd.io) matches this entity: every
          proxy runs in a pod.
        </Typography>
      ) : (
        <CompactTable
          label="ExternalWorkloads"
          headers={[
            'ExternalWorkload',
            'Identity',
            'Addresses',
            'Ports',
            'Ready',
          ]}
          rows={external.map(w => ({
            key: `${w.cluster}/${w.namespace}/${w.name}`,
            cells: [
              `${w.namespace}/${w.name} (${w.cluster})`,
              w.external!.identity,
              w.external!.workloadIPs.join(', ') || '—',
              w
                .external!.ports.map(p =>
                  p.name ? `${p.port} (${p.name})` : String(p.port),
                )
                .join(', ') || '—',
              <Chip
                size="small"
                label={
                  w.external!.ready
                    ? 'ready'
                    : `not ready${
                        w.external!.readyReason
                          ? `: ${w.external!.readyReason}`
                          : ''
                      }`
                }
                color={w.external!.ready ? 'primary' : 'default'}
                variant={w.external!.ready ? 'default' : 'outlined'}
              />,
            ],
          }))}
        />
      )}
    </section>
  );
}
