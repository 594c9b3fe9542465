import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(3),
    rowGap: theme.spacing(1.5),
    alignItems: 'baseline',
    margin: 0,
  },
  monospace: { '& dd': { fontFamily: 'monospace' } },
  label: { color: theme.palette.text.secondary, fontWeight: 'bold' },
  value: { margin: 0, wordBreak: 'break-word' },
}));

/** A definition list laid out as a two-column grid of labels and values. */
export function FieldList(props: { children: ReactNode; monospace?: boolean }) {
  const classes = useStyles();
  return (
    <dl
      className={
        props.monospace ? `${classes.list} ${classes.monospace}` : classes.list
      }
    >
      {props.children}
    </dl>
  );
}

/** One label and its value in a FieldList. */
export function Field(props: { label: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <>
      <Typography component="dt" variant="body2" className={classes.label}>
        {props.label}
      </Typography>
      <Typography component="dd" variant="body2" className={classes.value}>
        {props.children}
      </Typography>
    </>
  );
}
