import type { ServerResponse } from 'node:http';

// Personal data: never cached, never framed, no scripts, styles only from the page itself.
const SAFE_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
} as const;

/** Sends a whole HTML page. */
export const sendHtml = (res: ServerResponse, status: number, html: string): void => {
  res.writeHead(status, { ...SAFE_HEADERS, 'Content-Type': 'text/html; charset=utf-8' });
  res.end(html);
};

/**
 * Sends a file to download: its type and `Content-Disposition: attachment` with the file name
 * (plain ASCII; `filename*` carries it UTF-8 encoded too).
 */
export const sendDownload = (
  res: ServerResponse,
  o: { readonly contentType: string; readonly filename: string; readonly body: string | Buffer },
): void => {
  const ascii = o.filename.replace(/[^\w.-]/g, '_');
  res.writeHead(200, {
    ...SAFE_HEADERS,
    'Content-Type': o.contentType,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(o.filename)}`,
    'Content-Length': Buffer.byteLength(o.body),
  });
  res.end(o.body);
};

/**
 * Sends the browser on to `location`: 303 (fetch it with GET) by default, or another redirect
 * status such as 302.
 */
export const sendRedirect = (res: ServerResponse, location: string, status = 303): void => {
  res.writeHead(status, { ...SAFE_HEADERS, Location: location });
  res.end();
};
