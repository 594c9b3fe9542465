// One snapshot's cluster, built from the model in a fixed order: the order allocates pod IPs,
// Service IPs and node ports, so what both snapshots share is built first and gets the same
// addresses in both.
import { APPS } from '../model/apps.mjs';
import { AB_NS, AB_NS_CREATED } from '../model/autoBrand.mjs';
import { LINKERD_INSTALLED_AT, LINKERD_NS, OTEL_COLLECTOR, OTEL_COLLECTOR_WORKLOAD } from '../model/linkerd.mjs';
import { buildEgress } from './egress.mjs';
import { NODES } from '../model/nodes.mjs';
import {
  BUILTIN_NAMESPACES,
  KUBERNETES_SERVICE,
  PLATFORM,
} from '../model/platform.mjs';
import {
  AUTO_BRAND_RESTART_AT,
  INJECT_ANNOTATED_AT,
  RESTART_SPACING_SECONDS,
} from '../model/snapshots.mjs';
import { buildAnalytics } from './analytics.mjs';
import { appNamespace } from './apps.mjs';
import { autoBrandWorkloads } from './autoBrand.mjs';
import { Cluster } from './cluster.mjs';
import { buildLinkerd, proxyInjectorWebhook } from './controlPlane.mjs';
import { buildMeshPolicy } from './meshPolicy.mjs';
import { buildMulticluster } from './multicluster.mjs';
import { namespaceObject, nodeObject } from './nodes.mjs';
import { buildService } from './service.mjs';
import { SECOND } from './time.mjs';
import { buildWorkload } from './workload.mjs';

export function buildCluster(name, meshed) {
  const C = new Cluster(name);
  NODES.forEach((n, i) => C.clusterScoped.push(nodeObject(n, i)));
  const namespaces = [];
  const ns = (nsName, created, extra) =>
    namespaces.push(namespaceObject(nsName, Date.parse(created), extra));

  for (const builtin of BUILTIN_NAMESPACES) ns(builtin.name, builtin.created);
  buildService(C, 'default', {
    ...KUBERNETES_SERVICE,
    created: Date.parse(KUBERNETES_SERVICE.created),
  });

  // platform, then apps: identical in both snapshots (built first so allocators agree)
  for (const platformNs of PLATFORM) {
    ns(platformNs.name, platformNs.created);
    for (const w of platformNs.workloads) buildWorkload(C, platformNs.name, w);
  }
  for (const app of APPS) {
    const appNs = appNamespace(app);
    ns(appNs.name, appNs.created);
    for (const w of appNs.workloads) buildWorkload(C, appNs.name, w);
  }

  // auto-brand: annotated for injection and restarted in the meshed snapshot (except `pending`)
  const restartBase = Date.parse(AUTO_BRAND_RESTART_AT);
  ns(
    AB_NS,
    AB_NS_CREATED,
    meshed
      ? {
          annotations: { 'linkerd.io/inject': 'enabled' },
          modified: Date.parse(INJECT_ANNOTATED_AT),
        }
      : {},
  );
  autoBrandWorkloads().forEach((w, i) => {
    const restart = meshed && w.mesh === 'restart';
    buildWorkload(C, AB_NS, w, {
      mesh: restart,
      restartAt: restart
        ? restartBase + i * RESTART_SPACING_SECONDS * SECOND
        : undefined,
    });
  });
  buildAnalytics(C, meshed);

  if (meshed) {
    ns(LINKERD_NS, LINKERD_INSTALLED_AT, {
      labels: {
        'config.linkerd.io/admission-webhooks': 'disabled',
        'linkerd.io/control-plane-ns': LINKERD_NS,
        'linkerd.io/is-control-plane': 'true',
      },
      annotations: { 'linkerd.io/inject': 'disabled' },
    });
    buildLinkerd(C);
    C.clusterScoped.push(proxyInjectorWebhook());
    buildMeshPolicy(C);
    buildMulticluster(C, ns);
    // Installed with Linkerd: the trace collector (meshed) and auto-brand's egress policy.
    buildWorkload(C, OTEL_COLLECTOR.namespace, OTEL_COLLECTOR_WORKLOAD, { mesh: true });
    buildEgress(C);
  }
  C.namespaceObjects = namespaces;
  return C;
}
