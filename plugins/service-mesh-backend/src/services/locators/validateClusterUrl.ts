import { lookup } from 'dns/promises';
import { BlockList, isIP } from 'net';

/** Non-public address ranges (loopback, private, link-local, CGNAT, documentation, multicast, reserved). */
const NON_PUBLIC = new BlockList();
for (const [net, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) NON_PUBLIC.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 127], ['64:ff9b::', 96], ['100::', 64], ['2001::', 32], ['2001:db8::', 32], ['2002::', 16], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) NON_PUBLIC.addSubnet(net, prefix, 'ipv6');

function nonPublic(address: string): boolean {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (v4) return NON_PUBLIC.check(v4, 'ipv4');
  const family = isIP(address);
  return family === 0 || NON_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function allowed(hostname: string, patterns: string[] = []): boolean {
  return patterns.some(p => {
    const pattern = p.toLowerCase();
    return pattern.startsWith('*.') ? hostname.endsWith(pattern.slice(1)) || hostname === pattern.slice(2) : hostname === pattern;
  });
}

/**
 * Checks an API server URL read from a catalog entity the way the Kubernetes plugin does
 * (plugins/kubernetes-backend/src/cluster-locator/validateClusterApiServerUrl.ts): a URL without
 * credentials; https to a public address, unless its host matches `dangerouslyAllowClusterUrls`
 * (then http is allowed too). Rejects with the reason.
 */
export async function validateClusterUrl(apiServerUrl: string, allowPatterns?: string[], resolve = lookup): Promise<URL> {
  let url: URL;
  try {
    url = new URL(apiServerUrl);
  } catch {
    throw new Error('Kubernetes cluster API server URL is not a valid URL');
  }
  if (url.username || url.password) throw new Error('Kubernetes cluster API server URL must not contain credentials');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('Kubernetes cluster API server URL must use the HTTP or HTTPS scheme');
  const hostname = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (allowed(hostname, allowPatterns)) return url;
  if (url.protocol !== 'https:') throw new Error('Kubernetes cluster API server URL must use the HTTPS scheme');
  if (isIP(hostname)) {
    if (nonPublic(hostname)) throw new Error('Kubernetes cluster API server URL must not use a non-public IP address');
    return url;
  }
  const addresses = await resolve(hostname, { all: true });
  if (addresses.some(a => nonPublic(a.address))) throw new Error(`Kubernetes cluster API server URL hostname "${hostname}" resolves to a non-public address`);
  return url;
}
