import type { WebContext, WebRoute } from '../types.js';

/** The coach dashboard's pages under `/dashboard` (filled in by the dashboard work). */
export const dashboardRoutes =
  (_ctx: WebContext): WebRoute =>
  () =>
    Promise.resolve(false);
