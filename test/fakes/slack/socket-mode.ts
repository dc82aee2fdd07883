/**
 * A loopback fake of Slack's Socket Mode server: the Web API fake's apps.connections.open hands
 * out `ws://127.0.0.1:PORT/link`, the server greets with `{type:'hello'}`, sends envelopes
 * (`events_api`, `slash_commands`, `interactive`) and resolves each with the app's ack
 * (`{envelope_id, payload}`), as Slack does.
 */
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface SocketAck {
  readonly envelope_id: string;
  readonly payload?: unknown;
}

export interface FakeSocketMode {
  readonly url: string;
  /** Resolves once a client connected and was greeted. */
  connected(): Promise<void>;
  /** Sends an envelope to the connected client; resolves with its ack. */
  send(
    type: 'events_api' | 'slash_commands' | 'interactive',
    payload: unknown,
    retryAttempt?: number,
  ): Promise<SocketAck>;
  close(): Promise<void>;
}

export const createFakeSocketMode = async (): Promise<FakeSocketMode> => {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const acks = new Map<string, (a: SocketAck) => void>();
  let client: WebSocket | undefined;
  let greeted: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (greeted = resolve));
  let seq = 0;

  wss.on('connection', (ws) => {
    client = ws;
    ws.on('message', (data) => {
      const ack = JSON.parse(String(data)) as SocketAck;
      acks.get(ack.envelope_id)?.(ack);
      acks.delete(ack.envelope_id);
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'fake-socket-mode', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: 'A0APP' },
      }),
    );
    greeted();
  });

  return {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`,
    connected: () => connected,
    send: (type, payload, retryAttempt = 0) => {
      if (!client) return Promise.reject(new Error('no Socket Mode client connected'));
      const envelope_id = `env-${++seq}`;
      const acked = new Promise<SocketAck>((resolve) => acks.set(envelope_id, resolve));
      client.send(
        JSON.stringify({
          envelope_id,
          type,
          payload,
          accepts_response_payload: type !== 'events_api',
          ...(type === 'events_api'
            ? { retry_attempt: retryAttempt, retry_reason: retryAttempt ? 'timeout' : '' }
            : {}),
        }),
      );
      return acked;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
};
