import { CodeSnippet, CopyTextButton } from '@backstage/core-components';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import RadioButtonUncheckedIcon from '@material-ui/icons/RadioButtonUnchecked';
import type { RunbookStep } from '@meshlens/plugin-service-mesh-common';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
    minWidth: 0,
  },
  mark: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    flexShrink: 0,
    width: theme.spacing(9),
  },
  done: { color: theme.palette.success.main },
  todo: { color: theme.palette.text.secondary },
  title: { fontWeight: 500 },
  details: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    minWidth: 0,
    width: '100%',
  },
  snippet: { position: 'relative' },
  copy: { position: 'absolute', top: 0, right: 0 },
}));

function StepMark(props: { done: boolean }) {
  const classes = useStyles();
  const Icon = props.done ? CheckCircleIcon : RadioButtonUncheckedIcon;
  return (
    <span
      className={`${classes.mark} ${props.done ? classes.done : classes.todo}`}
      data-testid="runbook-step-mark"
    >
      <Icon fontSize="small" />
      <Typography variant="body2" component="span">
        {props.done ? 'done' : 'to do'}
      </Typography>
    </span>
  );
}

function Commands(props: {
  label?: string;
  commands: string[];
  /** Names the copy button, which would otherwise read "Copy text" thrice. */
  copyLabel: string;
}) {
  const classes = useStyles();
  if (props.commands.length === 0) {
    return null;
  }
  const text = props.commands.join('\n');
  return (
    <div>
      {props.label && (
        <Typography variant="subtitle2" component="h4">
          {props.label}
        </Typography>
      )}
      <div className={classes.snippet}>
        <CodeSnippet text={text} language="bash" wrapLongLines />
        <div className={classes.copy}>
          <CopyTextButton text={text} aria-label={props.copyLabel} />
        </div>
      </div>
    </div>
  );
}

/**
 * Props of {@link RunbookStepRow}.
 *
 * @internal
 */
export interface RunbookStepRowProps {
  step: RunbookStep;
  /** The step's number in the whole runbook, as in the Markdown rendering. */
  number: number;
}

/**
 * One runbook step as a collapsible row: whether it is done, its number and
 * title; expanded, why it matters and the commands to run, to verify and to
 * roll back, each copyable.
 *
 * @internal
 */
export function RunbookStepRow(props: RunbookStepRowProps) {
  const { step, number } = props;
  const classes = useStyles();
  const summaryId = `runbook-step-${number}`;

  return (
    <Accordion TransitionProps={{ unmountOnExit: true }}>
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        aria-controls={`${summaryId}-details`}
        id={summaryId}
      >
        <div className={classes.summary}>
          <StepMark done={step.done} />
          <Typography variant="body1" className={classes.title}>
            <span>{`${number}.`}</span> <span>{step.title}</span>
          </Typography>
        </div>
      </AccordionSummary>
      <AccordionDetails id={`${summaryId}-details`}>
        <div className={classes.details}>
          <Typography variant="body2">{step.why}</Typography>
          <Commands
            commands={step.commands}
            copyLabel={`Copy the commands of step ${number}`}
          />
          <Commands
            label="Verify"
            commands={step.verify}
            copyLabel={`Copy the verify commands of step ${number}`}
          />
          <Commands
            label="Roll back"
            commands={step.rollback}
            copyLabel={`Copy the roll back commands of step ${number}`}
          />
        </div>
      </AccordionDetails>
    </Accordion>
  );
}
