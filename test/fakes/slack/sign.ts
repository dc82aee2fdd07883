/**
 * Requests as Slack sends them to an app's Request URL, signed the way Slack signs them:
 * `x-slack-signature: v0=HMAC_SHA256(secret, "v0:" + timestamp + ":" + body)` with the timestamp
 * in `x-slack-request-timestamp`. Events are JSON; slash commands are form-encoded fields;
 * interactions (buttons, modals) are form-encoded `payload=<json>`.
 */
import { createHmac } from 'node:crypto';
import { stringify } from 'node:querystring';

/** Slack's v0 request signature of `body` at `timestamp` (seconds). */
const slackSignature = (secret: string, timestamp: number, body: string): string =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;

/** What Slack POSTs: an Events API envelope, a slash command, or an interaction payload. */
export type SlackRequestBody =
  | { readonly kind: 'event'; readonly json: unknown }
  | { readonly kind: 'command'; readonly fields: Readonly<Record<string, string>> }
  | { readonly kind: 'interaction'; readonly payload: unknown };

/** The raw body and content type of a request, exactly as Slack would send it. */
const encodeBody = (b: SlackRequestBody): { body: string; contentType: string } => {
  switch (b.kind) {
    case 'event':
      return { body: JSON.stringify(b.json), contentType: 'application/json' };
    case 'command':
      return { body: stringify(b.fields), contentType: 'application/x-www-form-urlencoded' };
    case 'interaction':
      return {
        body: stringify({ payload: JSON.stringify(b.payload) }),
        contentType: 'application/x-www-form-urlencoded',
      };
  }
};

export interface SignOptions {
  /** Unix seconds; default now. */
  readonly timestamp?: number;
  /** Sign with this secret instead (a forged request). */
  readonly secret?: string;
  /** Leave out the signature headers. */
  readonly unsigned?: boolean;
  /** `x-slack-retry-num` (and `x-slack-retry-reason: http_timeout`), as Slack retries events. */
  readonly retryNum?: number;
}

/** Headers of a signed request. */
const signedHeaders = (
  secret: string,
  body: string,
  contentType: string,
  opts: SignOptions = {},
): Record<string, string> => {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    'content-type': contentType,
    ...(opts.unsigned
      ? {}
      : {
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': slackSignature(opts.secret ?? secret, timestamp, body),
        }),
    ...(opts.retryNum !== undefined
      ? { 'x-slack-retry-num': String(opts.retryNum), 'x-slack-retry-reason': 'http_timeout' }
      : {}),
  };
};

export interface SlackResponse {
  readonly status: number;
  readonly text: string;
  readonly json: unknown;
}

/** POSTs a signed request to the app's Request URL and reads Bolt's answer (the ack). */
export const postSigned = async (
  url: string,
  secret: string,
  b: SlackRequestBody,
  opts: SignOptions = {},
): Promise<SlackResponse> => {
  const { body, contentType } = encodeBody(b);
  const res = await fetch(url, {
    method: 'POST',
    headers: signedHeaders(secret, body, contentType, opts),
    body,
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
};
