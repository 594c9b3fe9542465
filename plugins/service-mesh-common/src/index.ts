/**
 * Meshlens common library: the HTTP contract and the pure domain core.
 *
 * @packageDocumentation
 */
export * from './api/EntityMeshReport';
export * from './domain/kube';
export * from './domain/linkerdLabels';
export * from './domain/podMesh';
export * from './domain/workloads';
export * from './domain/labelSelector';
export * from './domain/entityMatch';
export * from './domain/controlPlane';
export * from './domain/injection';
export * from './domain/workloadMesh';
export * from './domain/findings';
export * from './domain/clusterFindings';
export * from './domain/opaquePorts';
export * from './domain/workloadPolicy';
export * from './domain/clusterMesh';
export * from './domain/entityReport';
export * from './domain/metrics/metricsWindow';
export * from './domain/metrics/histogramQuantile';
export * from './domain/metrics/goldenMetrics';
export * from './domain/metrics/mtls';
export * from './domain/metrics/metricWorkloadsOf';
export * from './domain/metrics/plaintextFindings';
export * from './domain/metrics/edgeReports';
export * from './domain/metrics/peerKubernetesIds';
export * from './domain/metrics/peerIdentities';
export * from './domain/metrics/inboundTraffic';
export * from './domain/metrics/zoneLocality';
export * from './domain/metrics/goldenMetricsSeries';
export * from './domain/clusterReport';
export * from './domain/clusterFacts';
export * from './domain/adoption/adoptionConfig';
export * from './domain/adoption/adoptionContext';
export * from './domain/adoption/triggers';
export * from './domain/adoption/adoptionScore';
export * from './domain/adoption/entityAdoption';
export * from './domain/adoption/adoptionContextFor';
export * from './domain/runbook/entityRunbook';
export * from './domain/runbook/runbookMarkdown';
export * from './domain/groupRollup';
export * from './permissions';
export * from './domain/serviceSelection';
export * from './domain/history/historyPoint';
export * from './domain/history/meshNotifications';
