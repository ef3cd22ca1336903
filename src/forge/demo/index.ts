export type { Product } from './catalog.js';
export { PRODUCTS } from './catalog.js';
export { DEMO_USER } from './demo-user.js';
export type { EchoReport } from './echo.js';
export type { DemoApp, DemoAppOptions } from './start-demo-app.js';
export { startDemoApp } from './start-demo-app.js';
