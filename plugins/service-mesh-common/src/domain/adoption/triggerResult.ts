import { TriggerReport } from '../../api/EntityMeshReport';

/** One trigger's result. */
export type TriggerResult = TriggerReport;
