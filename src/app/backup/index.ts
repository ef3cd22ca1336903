export * from './backup-manifest.js';
export * from './create-backup.js';
export * from './read-backup-file.js';
export * from './restore-backup.js';
export * from './restore-plan.js';
export * from './verify-restored.js';
