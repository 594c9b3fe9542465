// Per-snapshot state: the objects produced so far and the pod IP, Service IP and node port
// allocators (deterministic, collision-free).
import { NODES } from '../model/nodes.mjs';
import { hashInt } from './ids.mjs';
import { NODE_BY_NAME } from './nodes.mjs';

/** Per-snapshot state: allocators and the objects produced so far. */
export class Cluster {
  constructor(name) {
    this.name = name;
    this.clusterScoped = [];
    /** namespace -> objects */
    this.namespaced = new Map();
    this.podHosts = new Map(NODES.map(n => [n.name, new Set()]));
    this.serviceIps = new Set(['10.43.0.1', '10.43.0.10']);
    this.nodePorts = new Set();
  }

  add(obj) {
    const ns = obj.metadata.namespace;
    if (!ns) {
      this.clusterScoped.push(obj);
      return obj;
    }
    if (!this.namespaced.has(ns)) this.namespaced.set(ns, []);
    this.namespaced.get(ns).push(obj);
    return obj;
  }

  podIp(nodeName, seed) {
    const node = NODE_BY_NAME.get(nodeName);
    const used = this.podHosts.get(nodeName);
    let host = 2 + (hashInt(`podip:${seed}`) % 250);
    while (used.has(host)) host = host >= 251 ? 2 : host + 1;
    used.add(host);
    return `10.42.${node.index}.${host}`;
  }

  serviceIp(seed) {
    let n = 256 + (hashInt(`svcip:${seed}`) % 65000);
    for (;;) {
      const ip = `10.43.${(n >> 8) & 255}.${n & 255}`;
      if ((n & 255) !== 0 && (n & 255) !== 255 && !this.serviceIps.has(ip)) {
        this.serviceIps.add(ip);
        return ip;
      }
      n += 1;
    }
  }

  nodePort(seed) {
    let p = 30000 + (hashInt(`nodeport:${seed}`) % 2768);
    while (this.nodePorts.has(p)) p = p >= 32767 ? 30000 : p + 1;
    this.nodePorts.add(p);
    return p;
  }
}
