import { InfoCard } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { AdoptionReport } from '@meshlens/plugin-service-mesh-common';
import { ReactNode } from 'react';
import { AdoptionCost } from '../AdoptionCost/AdoptionCost';
import { AdoptionTrigger } from '../AdoptionTrigger/AdoptionTrigger';
import { AdoptionSummary } from '../AdoptionSummary/AdoptionSummary';

const useStyles = makeStyles(theme => ({
  heading: { marginBottom: theme.spacing(1) },
  triggers: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
  },
}));

/**
 * Props of {@link AdoptionCard}.
 *
 * @internal
 */
export interface AdoptionCardProps {
  adoption: AdoptionReport;
  /** Shown last in the card, e.g. the entity's history trend. */
  children?: ReactNode;
}

/**
 * Whether an entity should join the mesh: the recommendation and readiness
 * score with their explanation, each adoption trigger with its strength and
 * evidence, and what meshing would cost; then `children`, if any.
 *
 * @internal
 */
export function AdoptionCard(props: AdoptionCardProps) {
  const { adoption, children } = props;
  const classes = useStyles();

  return (
    <InfoCard
      title="Mesh adoption"
      subheader="Should this entity join the mesh, and at what cost"
    >
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <AdoptionSummary adoption={adoption} />
        </Grid>
        {adoption.triggers.length > 0 && (
          <Grid item xs={12} md={7}>
            <Typography
              variant="subtitle1"
              component="h3"
              className={classes.heading}
            >
              Triggers
            </Typography>
            <div className={classes.triggers}>
              {adoption.triggers.map(trigger => (
                <AdoptionTrigger key={trigger.id} trigger={trigger} />
              ))}
            </div>
          </Grid>
        )}
        <Grid item xs={12} md={5}>
          <Typography
            variant="subtitle1"
            component="h3"
            className={classes.heading}
          >
            Cost
          </Typography>
          <AdoptionCost cost={adoption.cost} />
        </Grid>
        {children && (
          <Grid item xs={12}>
            {children}
          </Grid>
        )}
      </Grid>
    </InfoCard>
  );
}
