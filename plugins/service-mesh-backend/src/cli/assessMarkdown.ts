import { AssessResult } from './assess';
import { clusterVerdictMarkdown } from './clusterVerdictMarkdown';

/**
 * A readable assessment that opens with each cluster's adoption verdict (a page an operator can
 * publish as their own evaluation), then per entity its state, recommendation and findings.
 */
export function assessMarkdown(result: AssessResult): string {
  const lines = ['# Service mesh evaluation', ''];
  for (const c of result.clusters) lines.push(...clusterVerdictMarkdown(c));
  lines.push('## Entities', '');
  for (const c of result.clusters) {
    lines.push(`Cluster **${c.name}**: ${c.linkerdInstalled ? `Linkerd ${c.linkerdVersion ?? ''}` : 'Linkerd not installed'}, ${c.counts.meshedPods}/${c.counts.pods} pods meshed.`, '');
  }
  lines.push('| entity | state | pods meshed | recommendation | score | findings |', '| --- | --- | --- | --- | --- | --- |');
  for (const r of result.entities) {
    const meshed = r.workloads.reduce((n, w) => n + w.meshedPods, 0);
    const total = r.workloads.reduce((n, w) => n + w.totalPods, 0);
    lines.push(`| ${r.entityRef} | ${r.state} | ${meshed}/${total} | ${r.adoption?.recommendation ?? ''} | ${r.adoption?.score ?? ''} | ${[...new Set(r.findings.map(f => f.code))].join(', ')} |`);
  }
  if (result.errors.length) lines.push('', '## Errors', '', ...result.errors.map(e => `- ${e.source}: ${e.message}`));
  return `${lines.join('\n')}\n`;
}
