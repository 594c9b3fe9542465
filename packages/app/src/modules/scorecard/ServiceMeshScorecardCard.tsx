import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import Typography from '@material-ui/core/Typography';
import { useCallback, useEffect, useState } from 'react';
import {
  loadServiceMeshScorecard,
  ServiceMeshScorecard,
} from './loadServiceMeshScorecard';
import { ScorecardCheckItem } from './ScorecardCheckItem';
import { serviceMeshCheckIds } from './serviceMeshCheckIds';

type State =
  | { status: 'loading' }
  | { status: 'error'; error: Error }
  | { status: 'done'; scorecard: ServiceMeshScorecard };

function useServiceMeshScorecard(
  kind: string,
  namespace: string,
  name: string,
) {
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    loadServiceMeshScorecard(
      { discoveryApi, fetchApi },
      { kind, namespace, name },
      serviceMeshCheckIds,
    ).then(
      scorecard => current && setState({ status: 'done', scorecard }),
      error => current && setState({ status: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [discoveryApi, fetchApi, kind, namespace, name, attempt]);

  const retry = useCallback(() => setAttempt(n => n + 1), []);
  return { state, retry };
}

function Body() {
  const { entity } = useEntity();
  const { state, retry } = useServiceMeshScorecard(
    entity.kind.toLocaleLowerCase('en-US'),
    entity.metadata.namespace ?? 'default',
    entity.metadata.name,
  );
  const again = (
    <Button variant="outlined" onClick={retry}>
      Check again
    </Button>
  );

  if (state.status === 'loading') return <Progress />;
  if (state.status === 'error') {
    return (
      <>
        <ResponseErrorPanel
          title="Could not run the scorecard checks"
          error={state.error}
        />
        {again}
      </>
    );
  }
  const { checks } = state.scorecard;
  if (checks.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No Tech Insights facts yet"
        description="Meshlens facts for this entity are collected every minute by the Tech Insights backend; the checks run once the first facts are in."
        action={again}
      />
    );
  }
  const passed = checks.filter(check => check.result === true).length;
  return (
    <>
      <Typography variant="body1">
        {`${passed} of ${checks.length} checks passed`}
      </Typography>
      <List dense aria-label="Service mesh checks">
        {checks.map(check => (
          <ScorecardCheckItem key={check.id} check={check} />
        ))}
      </List>
    </>
  );
}

/**
 * Entity card with the service-mesh checks of Tech Insights for the entity
 * in context: each check passed, failed or not evaluated, with the facts it
 * read.
 */
export function ServiceMeshScorecardCard() {
  return (
    <InfoCard
      title="Service mesh scorecard"
      subheader="Tech Insights checks on the Meshlens facts of this entity"
    >
      <Body />
    </InfoCard>
  );
}
