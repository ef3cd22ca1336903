export * from './change-service.js';
export * from './notify-webhooks.js';
export * from './sample-storage.js';
export * from './weakenings.js';
