import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { Recommendation } from '@meshlens/plugin-service-mesh-common';
import { RecommendationChip } from '../RecommendationChip/RecommendationChip';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(1),
  },
}));

/**
 * The head of an adoption answer, for an entity or a whole cluster: the
 * recommendation chip, the readiness score and the explanation.
 *
 * @internal
 */
export function AdoptionSummary(props: {
  adoption: { recommendation: Recommendation; score: number; explanation: string };
}) {
  const { adoption } = props;
  const classes = useStyles();
  return (
    <>
      <div className={classes.summary}>
        <RecommendationChip recommendation={adoption.recommendation} />
        <Typography variant="h6" component="p">
          {`Readiness score ${Math.round(adoption.score)}/100`}
        </Typography>
      </div>
      <Typography variant="body1">{adoption.explanation}</Typography>
    </>
  );
}
