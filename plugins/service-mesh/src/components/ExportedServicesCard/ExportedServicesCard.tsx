import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { ExportedServiceReport } from '@meshlens/plugin-service-mesh-common';
import { CompactTable } from '../CompactTable/CompactTable';

const MODES: Record<ExportedServiceReport['exportedAs'], string> = {
  gateway: 'through the gateway',
  'remote-discovery': 'remote discovery (pod to pod)',
  federated: 'federated member',
};

/**
 * Props of {@link ExportedServicesCard}.
 *
 * @internal
 */
export interface ExportedServicesCardProps {
  exported: ExportedServiceReport[];
}

/**
 * Multi-cluster: the entity's Services exported to other clusters
 * (`mirror.linkerd.io/exported`, federated members) and the mirrors the
 * configured clusters hold of them.
 *
 * @internal
 */
export function ExportedServicesCard(props: ExportedServicesCardProps) {
  const { exported } = props;
  return (
    <InfoCard
      title="Exported to other clusters"
      subheader="Services mirrored by a Linkerd Link in another cluster"
    >
      {exported.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          None of the entity's Services is exported (label
          mirror.linkerd.io/exported=true or remote-discovery, or
          mirror.linkerd.io/federated=member).
        </Typography>
      ) : (
        <CompactTable
          label="Exported Services"
          headers={['Service', 'Exported', 'Mirrored in']}
          rows={exported.map(e => ({
            key: `${e.cluster}/${e.namespace}/${e.name}`,
            cells: [
              `${e.namespace}/${e.name} (${e.cluster})`,
              MODES[e.exportedAs],
              e.mirroredIn.length === 0
                ? 'no configured cluster holds a mirror'
                : e.mirroredIn
                    .map(m => `${m.service} (${m.cluster})`)
                    .join(', '),
            ],
          }))}
        />
      )}
    </InfoCard>
  );
}
