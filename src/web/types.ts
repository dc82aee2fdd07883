import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Content } from '../app.js';
import type { Clock, Ids } from '../core/clock.js';
import type { Store } from '../core/store.js';
import type { DataSchema } from '../domain/index.js';

/** What the local web pages (simulator, coach dashboard) are served from. */
export interface WebContext {
  readonly store: Store<DataSchema>;
  /** The app's clock (the simulator can move it forward). */
  readonly clock: Clock;
  readonly ids: Ids;
  readonly content: Content;
  readonly timeZone: string;
  /** Language of the pages (CLI_LANGUAGE; Dutch by default). */
  readonly language: string;
}

/**
 * One part of the local web server: handles the request and returns true, or returns false to let
 * the next part try. `url` is the parsed request URL.
 */
export type WebRoute = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

/** Text made safe for HTML (element content and attribute values). */
export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
