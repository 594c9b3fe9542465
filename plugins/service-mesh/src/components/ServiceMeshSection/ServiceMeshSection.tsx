import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { EmptyState, Progress } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import type { EntityMeshReport } from '@meshlens/plugin-service-mesh-common';
import { lazy, Suspense } from 'react';
import { countPods } from '../../utils/countPods';
import { AdoptionCard } from '../AdoptionCard/AdoptionCard';
import { EntityMetricsSection } from '../EntityMetricsSection/EntityMetricsSection';
import { FindingsList } from '../FindingsList/FindingsList';
import { MtlsCard } from '../MtlsCard/MtlsCard';
import { NoWorkloadsEmptyState } from '../NoWorkloadsEmptyState/NoWorkloadsEmptyState';
import { PolicyCard } from '../PolicyCard/PolicyCard';
import { ProxiesCard } from '../ProxiesCard/ProxiesCard';
import { ExportedServicesCard } from '../ExportedServicesCard/ExportedServicesCard';
import { RunbookCard } from '../RunbookCard/RunbookCard';
import { WorkloadsTable } from '../WorkloadsTable/WorkloadsTable';

// The history trend loads in a chunk of its own, after the report is on screen.
const HistoryTrend = lazy(() =>
  import('../HistoryTrend/HistoryTrend').then(m => ({
    default: m.HistoryTrend,
  })),
);

/** The sections of the Service Mesh tab, in order. */
export const sections = [
  { id: 'overview', label: 'Overview' },
  { id: 'traffic', label: 'Traffic' },
  { id: 'security', label: 'Security' },
  { id: 'policy', label: 'Policy' },
  { id: 'proxies', label: 'Proxies' },
  { id: 'adoption', label: 'Adoption & runbook' },
] as const;

/** The id of a section of the Service Mesh tab. */
export type SectionId = (typeof sections)[number]['id'];

const noMetrics = (
  <EmptyState
    missing="info"
    title="No proxy metrics"
    description="mTLS comes from the Linkerd proxies' metrics: mesh the entity's workloads, and give this cluster a Prometheus (prometheus.url under serviceMesh.clusters) or record proxy metrics in its snapshot."
  />
);

/**
 * Props of {@link ServiceMeshSection}.
 *
 * @internal
 */
export interface ServiceMeshSectionProps {
  section: SectionId;
  entity: Entity;
  report: EntityMeshReport;
}

/**
 * One section of the Service Mesh tab; only it loads what it shows (the
 * metrics of Overview and Traffic, the history of Adoption & runbook).
 *
 * @internal
 */
export function ServiceMeshSection(props: ServiceMeshSectionProps) {
  const { section, entity, report } = props;
  const entityRef = stringifyEntityRef(entity);
  const hasWorkloads = report.workloads.length > 0;
  const items: JSX.Element[] = [];
  const noWorkloads = <NoWorkloadsEmptyState entity={entity} />;

  switch (section) {
    case 'overview':
      // Golden metrics come from proxies: nothing to show before a pod is meshed.
      if (countPods(report.workloads).meshed > 0)
        items.push(
          <EntityMetricsSection entityRef={entityRef} view="golden" />,
        );
      items.push(
        hasWorkloads ? (
          <WorkloadsTable workloads={report.workloads} />
        ) : (
          noWorkloads
        ),
      );
      items.push(<FindingsList findings={report.findings} />);
      break;
    case 'traffic':
      items.push(
        hasWorkloads ? (
          <EntityMetricsSection entityRef={entityRef} view="traffic" />
        ) : (
          noWorkloads
        ),
      );
      if (hasWorkloads)
        items.push(
          <ExportedServicesCard
            exported={report.multicluster?.exportedServices ?? []}
          />,
        );
      break;
    case 'security':
      items.push(report.mtls ? <MtlsCard mtls={report.mtls} /> : noMetrics);
      break;
    case 'policy':
      items.push(
        hasWorkloads ? (
          <PolicyCard workloads={report.workloads} clusters={report.clusters} generatedPolicy={report.generatedPolicy} />
        ) : (
          noWorkloads
        ),
      );
      break;
    case 'proxies':
      items.push(
        hasWorkloads ? (
          <ProxiesCard
            workloads={report.workloads}
            clusters={report.clusters}
          />
        ) : (
          noWorkloads
        ),
      );
      break;
    case 'adoption':
      if (report.adoption) {
        items.push(
          <AdoptionCard adoption={report.adoption}>
            <Suspense fallback={<Progress />}>
              <HistoryTrend entityRef={entityRef} />
            </Suspense>
          </AdoptionCard>,
        );
      }
      if (report.runbook.steps.length > 0) {
        items.push(
          <RunbookCard
            entityRef={getCompoundEntityRef(entity)}
            steps={report.runbook.steps}
          />,
        );
      }
      if (items.length === 0) {
        items.push(
          <EmptyState
            missing="info"
            title="No adoption advice"
            description="The backend has not computed the adoption model for this entity."
          />,
        );
      }
      break;
    default:
      break;
  }
  return (
    <Grid container spacing={3}>
      {items.map((item, index) => (
        <Grid item xs={12} key={index}>
          {item}
        </Grid>
      ))}
    </Grid>
  );
}
