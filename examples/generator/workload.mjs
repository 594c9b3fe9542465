// One workload spec of the model: its Services, then the workload and its pods.
import { buildDaemonSet } from './daemonSet.mjs';
import { buildDeployment } from './deployment.mjs';
import { buildService } from './service.mjs';
import { buildStatefulSet } from './statefulSet.mjs';
import { SECOND, when } from './time.mjs';

export function buildWorkload(C, namespace, w, opts = {}) {
  const created = when(w.history[0][0], `${namespace}/${w.name}/rev0`);
  for (const s of w.services ?? [])
    buildService(C, namespace, { ...s, created: created - 20 * SECOND }, w);
  if (w.kind === 'Deployment') buildDeployment(C, namespace, w, opts);
  else if (w.kind === 'StatefulSet') buildStatefulSet(C, namespace, w, opts);
  else if (w.kind === 'DaemonSet') buildDaemonSet(C, namespace, w);
  else throw new Error(`unknown kind ${w.kind}`);
}
