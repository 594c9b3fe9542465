import { Entity } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useEntityMeshReport } from '../../hooks/useEntityMeshReport';
import { countPods } from '../../utils/countPods';
import { isServiceMeshAvailable } from '../../utils/isServiceMeshAvailable';
import { kubernetesAnnotations } from '../../utils/kubernetesAnnotations';
import { recommendationLabel } from '../../utils/recommendationLabel';
import { MeshStateChip } from '../MeshStateChip/MeshStateChip';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(1),
  },
}));

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function CardBody(props: { entity: Entity }) {
  const classes = useStyles();
  const { value: report, loading, error } = useEntityMeshReport(props.entity);

  if (!report) {
    return error && !loading ? (
      <ResponseErrorPanel error={error} />
    ) : (
      <Progress />
    );
  }

  const pods = countPods(report.workloads);
  const count = (severity: string) =>
    report.findings.filter(finding => finding.severity === severity).length;

  return (
    <>
      <div className={classes.summary}>
        <MeshStateChip state={report.state} size="medium" />
        <Typography variant="h6" component="p">
          {`Meshed pods ${pods.meshed}/${pods.total}`}
        </Typography>
      </div>
      <Typography variant="body2">
        {`Findings: ${plural(count('error'), 'error')}, ${plural(
          count('warning'),
          'warning',
        )}`}
      </Typography>
      {report.adoption && (
        <Typography variant="body2">
          {`Mesh adoption: ${recommendationLabel(
            report.adoption.recommendation,
          )} (readiness score ${Math.round(report.adoption.score)}/100)`}
        </Typography>
      )}
      {report.errors.length > 0 && (
        <Typography variant="body2" color="error">
          {`${plural(report.errors.length, 'source')} could not be read`}
        </Typography>
      )}
    </>
  );
}

/**
 * Compact overview card for an entity page: mesh state, meshed pods, the
 * number of error and warning findings and, when computed, the mesh-adoption
 * recommendation with its readiness score.
 *
 * @public
 */
export function EntityServiceMeshCard() {
  const { entity } = useEntity();
  return (
    <InfoCard title="Service mesh">
      {isServiceMeshAvailable(entity) ? (
        <CardBody entity={entity} />
      ) : (
        <MissingAnnotationEmptyState annotation={kubernetesAnnotations.id} />
      )}
    </InfoCard>
  );
}
