import { parseCommand, privateAddress } from '../../core/channel.js';
import type { Inbound } from '../../core/messages.js';

/** What the browser posts for a pane: typed text, or the value of a pressed button. */
export type WebInput = { readonly text: string } | { readonly choice: string };

/**
 * Maps what a pane's person typed or pressed to the core's message types: a button press is a
 * choice (its value), `/cmd args` a command (the staff command typed), anything else text.
 */
export const toInbound = (channel: string, user: string, input: WebInput, id: string, at: Date): Inbound => {
  const base = { id, address: privateAddress(channel, user), receivedAt: at.toISOString() };
  if ('choice' in input) return { ...base, kind: 'choice', choice: input.choice };
  const cmd = parseCommand(input.text);
  if (cmd) return { ...base, kind: 'command', ...cmd };
  return { ...base, kind: 'text', text: input.text };
};
