export * from './address-truncation.js';
export * from './create-privacy.js';
export * from './fingerprint-key.js';
export * from './retention.js';
export * from './stored-decisions.js';
