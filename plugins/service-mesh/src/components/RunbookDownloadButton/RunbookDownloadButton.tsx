import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { isError } from '@backstage/errors';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import GetAppIcon from '@material-ui/icons/GetApp';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { serviceMeshApiRef } from '../../api/ServiceMeshApi';
import { downloadTextFile } from '../../utils/downloadTextFile';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-end',
    gap: theme.spacing(0.5),
  },
}));

/** The error's message, followed by the backend's reason when it sent one. */
function describeError(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  return isError(cause) && cause.message && cause.message !== error.message
    ? `${error.message}: ${cause.message}`
    : error.message;
}

/**
 * Props of {@link RunbookDownloadButton}.
 *
 * @internal
 */
export interface RunbookDownloadButtonProps {
  /** The entity whose runbook to download. */
  entityRef: CompoundEntityRef;
}

/**
 * Downloads the entity's adoption runbook as Markdown from the backend and
 * saves it as `<entity-name>-runbook.md`; a failure is shown below the
 * button.
 *
 * @internal
 */
export function RunbookDownloadButton(props: RunbookDownloadButtonProps) {
  const { entityRef } = props;
  const classes = useStyles();
  const api = useApi(serviceMeshApiRef);
  const [{ loading, error }, download] = useAsyncFn(async () => {
    const markdown = await api.getRunbookMarkdown(entityRef);
    downloadTextFile(`${entityRef.name}-runbook.md`, markdown, 'text/markdown');
  }, [api, entityRef]);

  const errorId = `runbook-download-error-${entityRef.name}`;

  return (
    <div className={classes.root}>
      <Button
        variant="outlined"
        color="primary"
        startIcon={<GetAppIcon />}
        onClick={download}
        disabled={loading}
        aria-busy={loading}
        aria-describedby={error ? errorId : undefined}
      >
        Download Markdown
      </Button>
      {error && (
        <Typography id={errorId} variant="body2" color="error" role="alert">
          {`Could not download the runbook: ${describeError(error)}`}
        </Typography>
      )}
    </div>
  );
}
