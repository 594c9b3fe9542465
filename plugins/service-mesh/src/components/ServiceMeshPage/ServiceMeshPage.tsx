import {
  Content,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import useAsync from 'react-use/esm/useAsync';
import { serviceMeshApiRef } from '../../api/ServiceMeshApi';
import { ClusterTrafficGraph } from '../ClusterTrafficGraph/ClusterTrafficGraph';
import { ClusterVerdicts } from '../ClusterVerdictCard/ClusterVerdicts';
import { ClustersTable } from '../ClustersTable/ClustersTable';
import { ClusterEgressTracingCard } from '../ClusterEgressTracingCard/ClusterEgressTracingCard';
import { MulticlusterCard } from '../MulticlusterCard/MulticlusterCard';
import { EntitiesOverview } from '../EntitiesOverview/EntitiesOverview';
import { SourceErrorPanel } from '../SourceErrorPanel/SourceErrorPanel';

function Clusters() {
  const api = useApi(serviceMeshApiRef);
  const { value, loading, error } = useAsync(() => api.getClusters(), [api]);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ClustersTable clusters={value?.clusters ?? []} />
      </Grid>
      <Grid item xs={12}>
        <MulticlusterCard clusters={value?.clusters ?? []} />
      </Grid>
      <Grid item xs={12}>
        <ClusterEgressTracingCard clusters={value?.clusters ?? []} />
      </Grid>
    </Grid>
  );
}

function Entities() {
  const api = useApi(serviceMeshApiRef);
  const { value, loading, error } = useAsync(() => api.getEntities(), [api]);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  return (
    <Grid container spacing={2}>
      {(value?.errors ?? []).map(sourceError => (
        <Grid item xs={12} key={sourceError.source}>
          <SourceErrorPanel error={sourceError} />
        </Grid>
      ))}
      <Grid item xs={12}>
        <ClusterTrafficGraph entities={value?.entities ?? []} />
      </Grid>
      <Grid item xs={12}>
        <EntitiesOverview entities={value?.entities ?? []} />
      </Grid>
    </Grid>
  );
}

/**
 * The Service Mesh overview page: first each cluster's adoption verdict, then
 * every configured cluster with its Linkerd
 * control plane, and every entity tied to Kubernetes with its mesh state and
 * adoption advice.
 *
 * @public
 */
export function ServiceMeshPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Service Mesh"
        subtitle="Linkerd status of the clusters and the catalog"
      />
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <ClusterVerdicts />
          </Grid>
          <Grid item xs={12}>
            <Clusters />
          </Grid>
          <Grid item xs={12}>
            <Entities />
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
