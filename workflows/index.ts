// Every workflow the liveops worker runs. Workflow files import activities as types only.
export { streamWorkflow } from './stream/stream-workflow';
export { campaignWorkflow } from './campaign/campaign-workflow';
export { recurringStreamWorkflow } from './schedules/recurring-stream-workflow';
export { periodicReportWorkflow } from './schedules/periodic-report-workflow';
export { reconcileReadModelWorkflow } from './system/reconcile-read-model-workflow';
