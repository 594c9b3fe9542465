import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import useAsync from 'react-use/esm/useAsync';
import { serviceMeshApiRef } from '../../api/ServiceMeshApi';
import { ClusterVerdictCard } from './ClusterVerdictCard';

/**
 * The adoption verdict of every configured cluster that has one (clusters
 * without catalog relations carry none), one card each. Nothing when the
 * clusters cannot be read: the clusters table beside it shows that error.
 *
 * @internal
 */
export function ClusterVerdicts() {
  const api = useApi(serviceMeshApiRef);
  const { value, loading, error } = useAsync(() => api.getClusters(), [api]);
  if (loading) return <Progress />;
  // The clusters table on the same page reports a failed request; one error panel is enough.
  if (error) return null;
  const judged = (value?.clusters ?? []).filter(c => c.adoption);
  return (
    <Grid container spacing={3}>
      {judged.map(c => (
        <Grid item xs={12} key={c.name}>
          <ClusterVerdictCard cluster={c.name} adoption={c.adoption!} />
        </Grid>
      ))}
    </Grid>
  );
}
