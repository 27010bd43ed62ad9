export * from './review.types';
export * from './kpi-aggregates';
export * from './kpi-labels';
export * from './review-suggestions';
export * from './stream-kpis';
export * from './series-svg';
export * from './csv';
export * from './kpi-sources';
