import { CodeSnippet, EmptyState } from '@backstage/core-components';
import { Entity } from '@backstage/catalog-model';
import { kubernetesAnnotations } from '../../utils/kubernetesAnnotations';

/**
 * Props of {@link NoWorkloadsEmptyState}.
 *
 * @internal
 */
export interface NoWorkloadsEmptyStateProps {
  entity: Entity;
}

/**
 * Shown when no workload in any cluster matched the entity: tells the user
 * how to label the workloads.
 *
 * @internal
 */
export function NoWorkloadsEmptyState(props: NoWorkloadsEmptyStateProps) {
  const annotations = props.entity.metadata.annotations ?? {};
  const id = annotations[kubernetesAnnotations.id];
  const selector = annotations[kubernetesAnnotations.labelSelector];

  if (!id && selector) {
    return (
      <EmptyState
        missing="data"
        title="No workloads found"
        description={`No workload in any cluster matches the label selector ${selector} from the ${kubernetesAnnotations.labelSelector} annotation. Label your workloads so that the selector matches their pods.`}
      />
    );
  }

  const label = `${kubernetesAnnotations.id}=${id ?? ''}`;
  return (
    <EmptyState
      missing="data"
      title="No workloads found"
      description={`No workload in any cluster carries the label ${label}. Label your workloads and their pod templates with ${label}, for example:`}
      action={
        <CodeSnippet
          language="yaml"
          text={`metadata:\n  labels:\n    ${kubernetesAnnotations.id}: ${
            id ?? ''
          }`}
        />
      }
    />
  );
}
