import { CompoundEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { RunbookStep } from '@meshlens/plugin-service-mesh-common';
import { groupRunbookSteps } from '../../utils/groupRunbookSteps';
import { RunbookDownloadButton } from '../RunbookDownloadButton/RunbookDownloadButton';
import { RunbookStepRow } from '../RunbookStepRow/RunbookStepRow';

const useStyles = makeStyles(theme => ({
  progress: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(3),
    maxWidth: 480,
  },
  phase: {
    '& + &': { marginTop: theme.spacing(3) },
  },
  phaseHeading: { marginBottom: theme.spacing(1) },
}));

/**
 * Props of {@link RunbookCard}.
 *
 * @internal
 */
export interface RunbookCardProps {
  /** The entity the runbook is for; names the downloaded file. */
  entityRef: CompoundEntityRef;
  steps: RunbookStep[];
}

/**
 * The adoption runbook of an entity: how many steps the live state already
 * satisfies, then the steps grouped by phase in the order they are carried
 * out, each expandable to why it matters and copyable commands. The whole
 * runbook can be downloaded as Markdown.
 *
 * @internal
 */
export function RunbookCard(props: RunbookCardProps) {
  const { entityRef, steps } = props;
  const classes = useStyles();
  const done = steps.filter(step => step.done).length;
  const groups = groupRunbookSteps(steps);

  return (
    <InfoCard
      title="Adoption runbook"
      subheader="What to run, check and undo to bring this entity into the mesh"
      action={<RunbookDownloadButton entityRef={entityRef} />}
    >
      <div className={classes.progress}>
        <Typography variant="body1">
          {`${done} of ${steps.length} steps done`}
        </Typography>
        <LinearProgress
          variant="determinate"
          value={steps.length > 0 ? (done / steps.length) * 100 : 0}
          aria-label="Runbook progress"
          aria-valuetext={`${done} of ${steps.length} steps done`}
        />
      </div>
      {groups.map(group => (
        <section
          key={group.phase}
          className={classes.phase}
          aria-labelledby={`runbook-phase-${group.phase}`}
        >
          <Typography
            variant="h6"
            component="h3"
            id={`runbook-phase-${group.phase}`}
            className={classes.phaseHeading}
          >
            {group.title}
          </Typography>
          {group.steps.map(({ step, number }) => (
            <RunbookStepRow
              key={`${step.id}-${number}`}
              step={step}
              number={number}
            />
          ))}
        </section>
      ))}
    </InfoCard>
  );
}
