import { makeStyles } from '@material-ui/core';
import Typography from '@material-ui/core/Typography';

const useStyles = makeStyles({
  text: {
    color: '#7df3e1',
    fontWeight: 700,
    fontSize: 28,
    lineHeight: '30px',
    letterSpacing: 0.5,
    whiteSpace: 'nowrap',
  },
});

/** The Meshlens wordmark shown in the open sidebar. */
export const LogoFull = () => {
  const classes = useStyles();
  return (
    <Typography component="span" className={classes.text}>
      Meshlens
    </Typography>
  );
};
