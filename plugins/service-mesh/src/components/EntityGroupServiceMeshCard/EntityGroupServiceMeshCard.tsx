import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { GroupRollup } from '@meshlens/plugin-service-mesh-common';
import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { serviceMeshApiRef } from '../../api/ServiceMeshApi';
import { formatPercent } from '../../utils/formatPercent';
import { EntitySummaryTable } from '../EntitySummaryTable/EntitySummaryTable';
import { SourceErrorPanel } from '../SourceErrorPanel/SourceErrorPanel';

function Stat(props: { label: string; children: ReactNode }) {
  return (
    <Grid item xs={6} md={3}>
      <Typography variant="overline" component="p">
        {props.label}
      </Typography>
      <Typography variant="h6" component="div">
        {props.children}
      </Typography>
    </Grid>
  );
}

function RollupView(props: { rollup: GroupRollup }) {
  const { rollup } = props;
  const ratio = (value?: number) =>
    value === undefined ? '—' : formatPercent(value);
  return (
    <Grid container spacing={2}>
      {rollup.errors.map(sourceError => (
        <Grid item xs={12} key={sourceError.source}>
          <SourceErrorPanel error={sourceError} />
        </Grid>
      ))}
      <Stat label="Mesh coverage">{ratio(rollup.meshedPodRatio)}</Stat>
      <Stat label="mTLS coverage">{ratio(rollup.mtlsInboundRatio)}</Stat>
      <Stat label="Worst success rate">
        {rollup.worstSuccessRate ? (
          <>
            {formatPercent(rollup.worstSuccessRate.successRate)}{' '}
            <Typography variant="body2" component="span">
              <EntityRefLink entityRef={rollup.worstSuccessRate.entityRef} />
            </Typography>
          </>
        ) : (
          '—'
        )}
      </Stat>
      <Stat label="Warnings">{rollup.warnings}</Stat>
      <Grid item xs={12}>
        <EntitySummaryTable
          entities={rollup.entities}
          columns={[
            'entity',
            // State and meshed pods in one column: the card is half the page wide.
            'statePods',
            'mtls',
            'successRate',
            // Warnings under the recommendation, likewise.
            'recommendationWarnings',
          ]}
          emptyContent={
            <Typography variant="body2" style={{ padding: 16 }}>
              The group owns no entities tied to Kubernetes.
            </Typography>
          }
        />
      </Grid>
    </Grid>
  );
}

/**
 * The service-mesh card of a group page: mesh and mTLS coverage, the worst
 * success rate and the warnings over every entity the group (and its child
 * groups) own, with a sortable table of those entities.
 *
 * @public
 */
export function EntityGroupServiceMeshCard() {
  const { entity } = useEntity();
  const api = useApi(serviceMeshApiRef);
  const groupRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => api.getGroupRollup(parseEntityRef(groupRef)),
    [api, groupRef],
  );

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (value) {
    content = <RollupView rollup={value} />;
  }
  return (
    <InfoCard
      title="Service mesh"
      subheader="Linkerd coverage of the entities this group owns"
    >
      {content}
    </InfoCard>
  );
}
