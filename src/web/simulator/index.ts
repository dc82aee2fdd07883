export { CLOCK_STEPS, runUntil, stepTarget, type ClockStep, type Ticking } from './clock.js';
export { linkToWeb, panePeople, resetDemo, type PanePerson } from './demo.js';
export { renderPage, PANES } from './page.js';
export { simulatorRoutes, type SimulatorOptions } from './routes.js';
