export * from './notify.types';
export * from './escape-html';
export * from './notification-layout';
export * from './notify-labels';
export * from './render-notification';
export * from './fan-preview-schedule';
export * from './notification-key';
export * from './fan-preview-policy.schema';
