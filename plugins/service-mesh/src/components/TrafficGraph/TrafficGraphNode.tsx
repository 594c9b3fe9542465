import { parseEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { useTheme } from '@material-ui/core/styles';
import { Link } from 'react-router-dom';
import { shortName } from '../../utils/shortName';
import type { TrafficNode } from '../../utils/trafficGraph';

const height = 44;

/**
 * A workload of the traffic graph: its short name and namespace, linked to
 * its catalog entity when known; the centred entity's own workloads stand out,
 * unmeshed callers have a dashed outline and say so.
 *
 * @internal
 */
export function TrafficGraphNode(props: { node: TrafficNode }) {
  const { node } = props;
  const theme = useTheme();
  const entityRoute = useRouteRef(entityRouteRef);
  const name = shortName(node.workload);
  const parts = node.workload.split('/');
  const where = parts.length === 3 ? parts[0] : node.cluster;
  let detail = `${where} · ${node.cluster}`;
  if (!node.meshed) detail = `${where} · not meshed`;
  else if (node.remote) detail = `${where} · ${node.cluster} (linked)`;
  const width = Math.max(
    140,
    Math.max(name.length * 8.5, detail.length * 6.5) + 24,
  );
  const body = (
    <g
      data-node={node.id}
      data-own={node.own ? 'true' : 'false'}
      data-meshed={node.meshed ? 'true' : 'false'}
      data-remote={node.remote ? 'true' : undefined}
    >
      <title>{`${node.workload} (${node.cluster})${
        node.entityRef ? `: ${node.entityRef}` : ''
      }${
        node.meshed ? '' : ', not meshed: its requests arrive in plaintext'
      }${
        node.remote ? ', in a linked cluster: reached through its mirror Service' : ''
      }`}</title>
      <rect
        width={width}
        height={height}
        rx={6}
        fill={theme.palette.background.paper}
        stroke={
          node.own ? theme.palette.primary.main : theme.palette.text.secondary
        }
        strokeWidth={node.own ? 2.5 : 1}
        strokeDasharray={node.meshed ? undefined : '4 3'}
      />
      <text
        x={12}
        y={19}
        fill={
          node.entityRef
            ? theme.palette.primary.main
            : theme.palette.text.primary
        }
        fontSize={14}
        fontWeight={node.own ? 700 : 500}
        fontFamily={theme.typography.fontFamily}
        textDecoration={node.entityRef ? 'underline' : undefined}
      >
        {name}
      </text>
      <text
        x={12}
        y={35}
        fill={theme.palette.text.secondary}
        fontSize={11}
        fontFamily={theme.typography.fontFamily}
      >
        {detail}
      </text>
    </g>
  );
  if (!node.entityRef) return body;
  let href: string | undefined;
  try {
    const ref = parseEntityRef(node.entityRef);
    href = entityRoute({
      kind: ref.kind.toLocaleLowerCase('en-US'),
      namespace: ref.namespace,
      name: ref.name,
    });
  } catch {
    href = undefined;
  }
  return href ? <Link to={href}>{body}</Link> : body;
}
