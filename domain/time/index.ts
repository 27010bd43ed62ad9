export * from './time.types';
export * from './zoned-time';
export * from './quiet-hours';
export * from './duration';
export * from './format-zoned';
