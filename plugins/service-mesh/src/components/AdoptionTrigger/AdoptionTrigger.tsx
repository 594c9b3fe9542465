import Chip from '@material-ui/core/Chip';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { AdoptionReport } from '@meshlens/plugin-service-mesh-common';
import { triggerName } from '../../utils/triggerName';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
  },
  name: { minWidth: theme.spacing(16) },
  bar: { flex: 1, minWidth: theme.spacing(12), height: 8, borderRadius: 4 },
  percent: { minWidth: theme.spacing(5), textAlign: 'right' },
  evidence: {
    margin: theme.spacing(0.5, 0, 0),
    paddingLeft: theme.spacing(2.5),
  },
}));

/**
 * Props of {@link AdoptionTrigger}.
 *
 * @internal
 */
export interface AdoptionTriggerProps {
  trigger: AdoptionReport['triggers'][number];
}

/**
 * One adoption trigger: its name, how far it is toward its bar (its strength
 * where no share of the bar is reported) as a bar with the percentage,
 * a `fired` chip when it fired, and the evidence lines.
 *
 * @internal
 */
export function AdoptionTrigger(props: AdoptionTriggerProps) {
  const { trigger } = props;
  const classes = useStyles();
  const name = triggerName(trigger.id);
  // Share of the trigger's bar where the model reports it (observability: uncovered share / bar).
  const percent = Math.min(
    100,
    Math.max(0, (trigger.progress ?? trigger.strength) * 100),
  );
  const percentText = `${Math.round(percent)}%`;

  return (
    <div>
      <div className={classes.row}>
        <Typography variant="subtitle2" component="h4" className={classes.name}>
          {name}
        </Typography>
        <LinearProgress
          className={classes.bar}
          variant="determinate"
          value={percent}
          aria-label={`${name} trigger strength`}
          aria-valuetext={percentText}
        />
        <Typography variant="body2" className={classes.percent}>
          {percentText}
        </Typography>
        {trigger.fired && <Chip size="small" color="primary" label="fired" />}
      </div>
      {trigger.evidence.length > 0 && (
        <ul className={classes.evidence} aria-label={`${name} evidence`}>
          {trigger.evidence.map(line => (
            <Typography
              key={line}
              component="li"
              variant="caption"
              color="textSecondary"
              display="block"
            >
              {line}
            </Typography>
          ))}
        </ul>
      )}
    </div>
  );
}
