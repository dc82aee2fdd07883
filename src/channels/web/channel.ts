import type { Channel, InboundHandler } from '../../core/channel.js';
import type { Address, Outbound } from '../../core/messages.js';
import { toInbound, type WebInput } from './inbound.js';
import { toWebMessage, type WebMessage } from './outbound.js';

export interface WebChannelOptions {
  /** The channel's name in addresses (default `web`). */
  readonly name?: string;
  /** The app's clock (the simulator's adjustable one): the time of messages in and out. */
  readonly now: () => Date;
  /** Messages kept per person for a page that (re)connects (default 200). */
  readonly keep?: number;
}

/** What a page listens to: a new or edited message, or all panes cleared (the simulator's reset). */
export type WebEvent =
  | { readonly kind: 'message'; readonly message: WebMessage }
  | { readonly kind: 'edit'; readonly message: WebMessage }
  | { readonly kind: 'clear' };

/**
 * The local simulator's channel: people are panes in a browser. It implements the Channel port
 * like any platform: what a pane posts becomes an Inbound, what the bot sends is kept per person
 * and pushed to the listening pages (Server-Sent Events in src/web/simulator).
 */
export interface WebChannel extends Channel {
  /** A pane's person typed text or pressed a button; resolves when the turn was handled. */
  receive(user: string, input: WebInput, shown?: string): Promise<void>;
  /** The messages kept for one person (oldest first), or for everyone. */
  history(user?: string): readonly WebMessage[];
  /** Calls `listener` for every event from now on; returns the unsubscribe. */
  subscribe(listener: (e: WebEvent) => void): () => void;
  /** Forgets every pane's messages (the simulator's reset) and tells the pages. */
  clear(): void;
}

/** The web channel (buttons, edit in place, the browser lays out right-to-left text). */
export const createWebChannel = (o: WebChannelOptions): WebChannel => {
  const name = o.name ?? 'web';
  const keep = o.keep ?? 200;
  let handler: InboundHandler | null = null;
  let seq = 0;
  const panes = new Map<string, WebMessage[]>();
  const listeners = new Set<(e: WebEvent) => void>();
  const emit = (e: WebEvent) => {
    for (const l of listeners) l(e);
  };
  const add = (m: WebMessage) => {
    const list = panes.get(m.user) ?? [];
    list.push(m);
    if (list.length > keep) list.splice(0, list.length - keep);
    panes.set(m.user, list);
    emit({ kind: 'message', message: m });
  };
  const edit = (user: string, id: string, m: Outbound): boolean => {
    const list = panes.get(user);
    const i = list?.findIndex((x) => x.id === id && x.from === 'bot') ?? -1;
    if (!list || i < 0) return false;
    const updated = { ...toWebMessage(user, m, id, o.now()), edited: true };
    list[i] = updated;
    emit({ kind: 'edit', message: updated });
    return true;
  };

  return {
    name,
    capabilities: { buttons: true, maxButtons: 10, groups: false, threads: false, bidi: true, edit: true },
    start: async (h) => {
      handler = h;
    },
    stop: async () => {
      handler = null;
    },
    send: async (to: Address, m: Outbound) => {
      const user = to.user || to.chat;
      if (m.replace && edit(user, m.replace, m)) return { ok: true, platformId: m.replace };
      const id = `w${++seq}`;
      add(toWebMessage(user, m, id, o.now()));
      return { ok: true, platformId: id };
    },
    receive: async (user, input, shown) => {
      if (!handler) return;
      const id = `w${++seq}`;
      const at = o.now();
      const text = shown ?? ('text' in input ? input.text : input.choice);
      add({ id, user, from: 'person', text, choices: [], direction: 'ltr', at: at.toISOString() });
      await handler(toInbound(name, user, input, id, at));
    },
    history: (user) =>
      user === undefined
        ? [...panes.values()].flat().sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)))
        : (panes.get(user) ?? []),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear: () => {
      panes.clear();
      emit({ kind: 'clear' });
    },
  };
};
