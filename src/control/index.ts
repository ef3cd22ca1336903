export * from './auth-service.js';
export * from './change-control.js';
export * from './control-deps.js';
export * from './create-control-plane.js';
export { HttpError } from './http/http-error.js';
export type { Access, Route } from './http/router.js';
export * from './live-stream.js';
export * from './permission-matrix.js';
export * from './principal.js';
