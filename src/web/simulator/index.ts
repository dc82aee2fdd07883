export type { Ticking } from './clock.js';
export { linkToWeb } from './demo.js';
export { simulatorRoutes, type SimulatorOptions } from './routes.js';
