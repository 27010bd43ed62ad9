export * from './metric.types';
export * from './batch';
export * from './metric-rules.types';
export * from './rolling-baseline';
export * from './metric-rules';
export * from './alert-recipients';
export * from './metric-rule-policy';
