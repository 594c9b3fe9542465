import { RunbookStep } from '../../api/EntityMeshReport';

const TITLES: Record<string, string> = {
  prerequisites: 'Prerequisites', certificates: 'Certificates', install: 'Install', 'verify-control-plane': 'Verify the control plane',
  'mesh-workloads': 'Mesh the workloads', 'verify-traffic': 'Verify traffic', policies: 'Policies', observability: 'Observability',
  'failure-scenarios': 'Failure scenarios', 'rollback-and-removal': 'Rollback and removal',
};

/** The runbook as a Markdown document an operator can follow without the portal. */
export function runbookMarkdown(entityRef: string, generatedAt: string, steps: RunbookStep[]): string {
  const lines = [`# Linkerd adoption runbook: ${entityRef}`, '', `Generated ${generatedAt} from the live cluster state. Steps marked ✅ are already satisfied.`, ''];
  let phase = '';
  steps.forEach((s, i) => {
    if (s.phase !== phase) {
      phase = s.phase;
      lines.push(`## ${TITLES[phase] ?? phase}`, '');
    }
    lines.push(`### ${i + 1}. ${s.done ? '✅ ' : ''}${s.title}`, '', s.why, '');
    if (s.commands.length) lines.push('```sh', ...s.commands, '```', '');
    if (s.verify.length) lines.push('Verify:', '', '```sh', ...s.verify, '```', '');
    if (s.rollback.length) lines.push('Roll back:', '', '```sh', ...s.rollback, '```', '');
  });
  return `${lines.join('\n').trimEnd()}\n`;
}
