import { GeneratedPolicyPort } from '../../api/GeneratedPolicy';
import { Container, PodTemplate } from '../kube';
import { portProtocol, PortProtocolContext } from './portProtocol';

const PROXY_CONTAINERS = ['linkerd-proxy', 'linkerd-init', 'linkerd-network-validator'];

function probePorts(c: Container): Array<number | string> {
  return [c.livenessProbe, c.readinessProbe, c.startupProbe].flatMap(p => (p?.httpGet ? [p.httpGet.port] : []));
}

/**
 * The TCP ports an application container of the template declares, each with its proxy protocol
 * and whether kubelet HTTP probes target it (by number or container port name).
 */
export function workloadPorts(template: PodTemplate | undefined, ctx: PortProtocolContext): GeneratedPolicyPort[] {
  const out = new Map<number, GeneratedPolicyPort>();
  const containers = [...(template?.spec.containers ?? []), ...(template?.spec.initContainers ?? []).filter(c => c.restartPolicy === 'Always')]
    .filter(c => !PROXY_CONTAINERS.includes(c.name));
  for (const c of containers) {
    const probes = probePorts(c);
    for (const p of c.ports ?? []) {
      if ((p.protocol ?? 'TCP') !== 'TCP' || out.has(p.containerPort)) continue;
      const { proxyProtocol, reason } = portProtocol({ port: p.containerPort, name: p.name }, ctx);
      const httpProbes = probes.some(x => x === p.containerPort || (p.name !== undefined && x === p.name));
      out.set(p.containerPort, { port: p.containerPort, ...(p.name ? { name: p.name } : {}), proxyProtocol, reason, httpProbes });
    }
  }
  return [...out.values()].sort((a, b) => a.port - b.port);
}
