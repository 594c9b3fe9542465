import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { lazy, Suspense } from 'react';
import { useEntityMeshReport } from '../../hooks/useEntityMeshReport';
import { isServiceMeshAvailable } from '../../utils/isServiceMeshAvailable';
import { kubernetesAnnotations } from '../../utils/kubernetesAnnotations';
import { AdoptionCard } from '../AdoptionCard/AdoptionCard';
import { EntityMetricsSection } from '../EntityMetricsSection/EntityMetricsSection';
import { FindingsList } from '../FindingsList/FindingsList';
import { MeshStatusCard } from '../MeshStatusCard/MeshStatusCard';
import { MtlsCard } from '../MtlsCard/MtlsCard';
import { NoWorkloadsEmptyState } from '../NoWorkloadsEmptyState/NoWorkloadsEmptyState';
import { PolicyCard } from '../PolicyCard/PolicyCard';
import { ProxiesCard } from '../ProxiesCard/ProxiesCard';
import { RunbookCard } from '../RunbookCard/RunbookCard';
import { WorkloadsTable } from '../WorkloadsTable/WorkloadsTable';
import { SourceErrorPanel } from '../SourceErrorPanel/SourceErrorPanel';

// The history trend loads in a chunk of its own, after the report is on screen.
const HistoryTrend = lazy(() =>
  import('../HistoryTrend/HistoryTrend').then(m => ({
    default: m.HistoryTrend,
  })),
);

function ServiceMeshReport(props: { entity: Entity }) {
  const { entity } = props;
  const { value: report, loading, error, retry } = useEntityMeshReport(entity);

  if (!report) {
    if (error && !loading) {
      return (
        <Grid container spacing={3} direction="column">
          <Grid item>
            <ResponseErrorPanel error={error} />
          </Grid>
          <Grid item>
            <Button variant="outlined" onClick={retry}>
              Retry
            </Button>
          </Grid>
        </Grid>
      );
    }
    return <Progress />;
  }

  return (
    <Grid container spacing={3}>
      {report.errors.map(sourceError => (
        <Grid item xs={12} key={sourceError.source}>
          <SourceErrorPanel error={sourceError} defaultExpanded />
        </Grid>
      ))}
      <Grid item xs={12}>
        <MeshStatusCard
          report={report}
          onRefresh={retry}
          refreshing={loading}
        />
      </Grid>
      {report.adoption && (
        <Grid item xs={12}>
          <AdoptionCard adoption={report.adoption}>
            <Suspense fallback={<Progress />}>
              <HistoryTrend entityRef={stringifyEntityRef(entity)} />
            </Suspense>
          </AdoptionCard>
        </Grid>
      )}
      {report.workloads.length > 0 && (
        <Grid item xs={12}>
          <EntityMetricsSection entityRef={stringifyEntityRef(entity)} />
        </Grid>
      )}
      {report.mtls && (
        <Grid item xs={12}>
          <MtlsCard mtls={report.mtls} />
        </Grid>
      )}
      {report.workloads.length > 0 && (
        <Grid item xs={12}>
          <PolicyCard workloads={report.workloads} clusters={report.clusters} generatedPolicy={report.generatedPolicy} />
        </Grid>
      )}
      {report.workloads.length > 0 && (
        <Grid item xs={12}>
          <ProxiesCard
            workloads={report.workloads}
            clusters={report.clusters}
          />
        </Grid>
      )}
      <Grid item xs={12}>
        {report.workloads.length === 0 ? (
          <NoWorkloadsEmptyState entity={entity} />
        ) : (
          <WorkloadsTable workloads={report.workloads} />
        )}
      </Grid>
      <Grid item xs={12}>
        <FindingsList findings={report.findings} />
      </Grid>
      {report.runbook.steps.length > 0 && (
        <Grid item xs={12}>
          <RunbookCard
            entityRef={getCompoundEntityRef(entity)}
            steps={report.runbook.steps}
          />
        </Grid>
      )}
    </Grid>
  );
}

/**
 * The Service Mesh tab of an entity page: Linkerd mesh state, mesh-adoption
 * advice with its history trend, golden metrics with callers and callees over
 * a chosen window, mTLS, Linkerd policy and routes, proxies, workloads,
 * findings and the adoption runbook of the entity in the current
 * `EntityProvider` context.
 *
 * @remarks
 * Entities need the `backstage.io/kubernetes-id` or
 * `backstage.io/kubernetes-label-selector` annotation; without either, a
 * missing-annotation empty state is shown.
 *
 * @public
 */
export function EntityServiceMeshContent() {
  const { entity } = useEntity();
  if (!isServiceMeshAvailable(entity)) {
    return (
      <MissingAnnotationEmptyState annotation={kubernetesAnnotations.id} />
    );
  }
  return <ServiceMeshReport entity={entity} />;
}
