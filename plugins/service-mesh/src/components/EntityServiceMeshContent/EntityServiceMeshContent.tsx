import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { useEntityMeshReport } from '../../hooks/useEntityMeshReport';
import { useMetricsTrend } from '../../hooks/useMetricsTrend';
import { useUrlParam } from '../../hooks/useUrlParam';
import { isServiceMeshAvailable } from '../../utils/isServiceMeshAvailable';
import { kubernetesAnnotations } from '../../utils/kubernetesAnnotations';
import { MeshVerdictCard } from '../MeshVerdictCard/MeshVerdictCard';
import {
  SectionId,
  sections,
  ServiceMeshSection,
} from '../ServiceMeshSection/ServiceMeshSection';
import { SourceErrorPanel } from '../SourceErrorPanel/SourceErrorPanel';

const sectionIds = sections.map(s => s.id);

function ServiceMeshReport(props: { entity: Entity }) {
  const { entity } = props;
  const { value: report, loading, error, retry } = useEntityMeshReport(entity);
  const [section, setSection] = useUrlParam<SectionId>(
    'tab',
    sectionIds,
    'overview',
  );
  const trend = useMetricsTrend(
    stringifyEntityRef(entity),
    report?.goldenMetrics !== undefined,
  );

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
        <MeshVerdictCard
          report={report}
          trend={trend}
          onRefresh={retry}
          refreshing={loading}
        />
      </Grid>
      <Grid item xs={12}>
        <Paper>
          <Tabs
            value={section}
            onChange={(_, value: SectionId) => setSection(value)}
            indicatorColor="primary"
            textColor="primary"
            variant="scrollable"
            scrollButtons="auto"
            aria-label="Service mesh sections"
          >
            {sections.map(s => (
              <Tab
                key={s.id}
                value={s.id}
                label={s.label}
                id={`service-mesh-tab-${s.id}`}
                aria-controls={`service-mesh-panel-${s.id}`}
              />
            ))}
          </Tabs>
        </Paper>
      </Grid>
      <Grid
        item
        xs={12}
        role="tabpanel"
        id={`service-mesh-panel-${section}`}
        aria-labelledby={`service-mesh-tab-${section}`}
      >
        <ServiceMeshSection section={section} entity={entity} report={report} />
      </Grid>
    </Grid>
  );
}

/**
 * The Service Mesh tab of an entity page: a verdict first (state, meshed
 * pods, recommendation and score, golden numbers with their trend, top
 * findings with their fix, or for an entity outside the mesh whether it
 * should join), then sections one click away and kept in the URL
 * (`?tab=overview|traffic|security|policy|proxies|adoption`), each loading
 * only its own data.
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
