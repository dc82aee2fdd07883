import { parseCommand, privateAddress } from '../../core/channel.js';
import type { Inbound } from '../../core/messages.js';

/** One scripted line: `<user>: <text>`. Returns null for blank lines and `#` comments. */
export const parseScriptLine = (line: string): { user: string; text: string } | null => {
  if (!line.trim() || line.trimStart().startsWith('#')) return null;
  const m = /^\s*([^:]+?)\s*:\s?(.*)$/.exec(line);
  if (!m) return null;
  return { user: m[1]!.toLowerCase(), text: m[2]! };
};

/** Maps what a console user typed to the core's message types (`/cmd args` is a command). */
export const toInbound = (user: string, text: string, id: string, at: Date): Inbound => {
  const base = { id, address: privateAddress('console', user), receivedAt: at.toISOString() };
  const cmd = parseCommand(text);
  if (cmd) return { ...base, kind: 'command', ...cmd };
  return { ...base, kind: 'text', text };
};
