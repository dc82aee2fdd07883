import type { Inbound } from '../../core/messages.js';

/** What the browser posts for a pane: typed text, or the value of a pressed button. */
export type WebInput = { readonly text: string } | { readonly choice: string };

/** The private address of a pane's person on the web channel. */
export const webAddress = (channel: string, user: string) => ({ channel, chat: user, user });

/**
 * Maps what a pane's person typed or pressed to the core's message types: a button press is a
 * choice (its value), `/cmd args` a command (the staff command typed), anything else text.
 */
export const toInbound = (channel: string, user: string, input: WebInput, id: string, at: Date): Inbound => {
  const base = { id, address: webAddress(channel, user), receivedAt: at.toISOString() };
  if ('choice' in input) return { ...base, kind: 'choice', choice: input.choice };
  const cmd = /^\/([a-z]+)(?:\s+([\s\S]*))?$/i.exec(input.text.trim());
  if (cmd) return { ...base, kind: 'command', command: cmd[1]!.toLowerCase(), args: (cmd[2] ?? '').trim() };
  return { ...base, kind: 'text', text: input.text };
};
