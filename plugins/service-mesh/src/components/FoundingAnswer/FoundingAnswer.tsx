import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  AdoptionReport,
  RunbookStep,
} from '@meshlens/plugin-service-mesh-common';
import { triggerName } from '../../utils/triggerName';
import { costSentence } from '../AdoptionCost/AdoptionCost';

const useStyles = makeStyles(theme => ({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(120px, max-content) 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(1),
    margin: theme.spacing(1, 0, 0),
  },
  term: { color: theme.palette.text.secondary },
  value: { margin: 0 },
  triggers: { margin: 0, padding: 0, listStyle: 'none' },
  code: {
    fontFamily: 'monospace',
    fontSize: '0.85em',
    display: 'block',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
}));

/**
 * Props of {@link FoundingAnswer}.
 *
 * @internal
 */
export interface FoundingAnswerProps {
  adoption: AdoptionReport;
  steps: RunbookStep[];
}

/**
 * The founding question answered for an entity outside the mesh: the
 * recommendation's why, the triggers by strength (fired first), the cost and
 * the first runbook step still to do.
 *
 * @internal
 */
export function FoundingAnswer(props: FoundingAnswerProps) {
  const { adoption, steps } = props;
  const classes = useStyles();
  const triggers = [...adoption.triggers].sort(
    (a, b) => Number(b.fired) - Number(a.fired) || b.strength - a.strength,
  );
  const next = steps.find(step => !step.done);
  return (
    <dl className={classes.grid} aria-label="Should it join the mesh">
      <Typography component="dt" variant="body2" className={classes.term}>
        Why
      </Typography>
      <Typography component="dd" variant="body2" className={classes.value}>
        {adoption.explanation}
      </Typography>
      {triggers.length > 0 && (
        <>
          <Typography component="dt" variant="body2" className={classes.term}>
            Triggers
          </Typography>
          <dd className={classes.value}>
            <ul className={classes.triggers}>
              {triggers.map(trigger => (
                <Typography component="li" variant="body2" key={trigger.id}>
                  {`${triggerName(trigger.id)}: ${Math.round(
                    Math.min(1, Math.max(0, trigger.strength)) * 100,
                  )}% of its bar${trigger.fired ? ' — fired' : ''}`}
                </Typography>
              ))}
            </ul>
          </dd>
        </>
      )}
      <Typography component="dt" variant="body2" className={classes.term}>
        Cost
      </Typography>
      <Typography component="dd" variant="body2" className={classes.value}>
        {costSentence(adoption.cost)}
      </Typography>
      {next && (
        <>
          <Typography component="dt" variant="body2" className={classes.term}>
            First step
          </Typography>
          <dd className={classes.value}>
            <Typography variant="body2">{next.title}</Typography>
            {next.commands[0] && (
              <code className={classes.code} title={next.commands[0]}>
                {next.commands[0]}
              </code>
            )}
          </dd>
        </>
      )}
    </dl>
  );
}
