// Checks an EKS bearer token the way an EKS cluster's authenticator does: `k8s-aws-v1.` + the
// base64url of a SigV4-presigned STS GetCallerIdentity URL that signs the `x-k8s-aws-id` header
// (the cluster name). Written from the token format of aws-iam-authenticator
// (pkg/token/token.go: v1Prefix "k8s-aws-v1.", clusterIDHeader "x-k8s-aws-id") and AWS's
// Signature Version 4 specification, independently of the SDK the backend signs with.
import { createHash, createHmac } from 'node:crypto';

export interface EksIdentity { accessKeyId: string; clusterId: string; region: string; date: string }

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s).digest();
// RFC 3986 encoding, as SigV4 requires.
const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Verifies `authorization` (`Bearer k8s-aws-v1.…`) for `clusterId` against the secret keys by
 * access key id; returns who signed it, or a reason it is not valid.
 */
export function verifyEksToken(authorization: string | undefined, clusterId: string, secrets: Map<string, string>): EksIdentity | string {
  const m = /^Bearer k8s-aws-v1\.([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
  if (!m) return 'not an EKS token';
  const url = new URL(Buffer.from(m[1], 'base64url').toString('utf8'));
  const q = url.searchParams;
  if (!/^sts\.[a-z0-9-]+\.amazonaws\.com$/.test(url.hostname) || q.get('Action') !== 'GetCallerIdentity') return `not an STS GetCallerIdentity URL: ${url.hostname}`;
  if (q.get('X-Amz-SignedHeaders') !== 'host;x-k8s-aws-id') return `signed headers ${q.get('X-Amz-SignedHeaders')}`;
  const [accessKeyId, day, region, service, terminator] = (q.get('X-Amz-Credential') ?? '').split('/');
  const secret = secrets.get(accessKeyId);
  if (!secret) return `unknown access key ${accessKeyId}`;
  const date = q.get('X-Amz-Date') ?? '';
  const canonicalQuery = [...q.entries()].filter(([k]) => k !== 'X-Amz-Signature').map(([k, v]) => `${enc(k)}=${enc(v)}`).sort().join('&');
  const canonicalRequest = ['GET', url.pathname, canonicalQuery, `host:${url.hostname}\nx-k8s-aws-id:${clusterId}\n`, 'host;x-k8s-aws-id', sha256('')].join('\n');
  const scope = `${day}/${region}/${service}/${terminator}`;
  const toSign = ['AWS4-HMAC-SHA256', date, scope, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), service), terminator);
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  if (signature !== q.get('X-Amz-Signature')) return 'signature does not match (wrong secret or cluster id)';
  return { accessKeyId, clusterId, region, date };
}
