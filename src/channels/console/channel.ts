import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Channel, InboundHandler } from '../../core/channel.js';
import type { Address, Outbound } from '../../core/messages.js';
import { parseScriptLine, toInbound } from './inbound.js';
import { formatReply } from './outbound.js';

export interface ConsoleOptions {
  readonly input: Readable;
  readonly output: Writable;
  /**
   * `script`: lines `<user>: <text>`, replies as `-> <user>: <text>`, done at end of input.
   * `interactive`: a prompt; `/as <name>` switches who you are, `/quit` stops.
   */
  readonly mode: 'script' | 'interactive';
  /** Who you are at first in interactive mode. */
  readonly initialUser?: string;
  /** Texts of the interactive console (already translated). */
  readonly texts?: { readonly switched: (name: string) => string; readonly prompt: (name: string) => string };
  /** Called when input ends (script) or on /quit (interactive), after the last message was handled. */
  readonly onEnd?: () => void;
  readonly now: () => Date;
}

export interface ConsoleChannel extends Channel {
  /** Resolves when the input has ended and every line was handled. */
  readonly done: Promise<void>;
}

/** The embedded default channel: chat with the bot in a terminal or through a script. */
export const createConsoleChannel = (o: ConsoleOptions): ConsoleChannel => {
  let seq = 0;
  let user = o.initialUser ?? 'you';
  let resolveDone: () => void = () => {};
  const done = new Promise<void>((r) => (resolveDone = r));
  let rl: ReturnType<typeof createInterface> | undefined;
  const write = (s: string) => o.output.write(`${s}\n`);
  const prompt = () => {
    if (o.mode === 'interactive' && rl) {
      rl.setPrompt(o.texts?.prompt(user) ?? `${user}> `);
      rl.prompt();
    }
  };

  const start = async (onInbound: InboundHandler): Promise<void> => {
    rl = createInterface({
      input: o.input,
      ...(o.mode === 'interactive' ? { output: o.output } : {}),
      terminal: false,
    });
    const lines = rl[Symbol.asyncIterator]();
    const loop = async () => {
      prompt();
      for (let r = await lines.next(); !r.done; r = await lines.next()) {
        const line = r.value;
        let who = user;
        let text = line;
        if (o.mode === 'script') {
          const p = parseScriptLine(line);
          if (!p) continue;
          ({ user: who, text } = p);
        } else {
          const as = /^\/as\s+(\S+)/i.exec(line.trim());
          if (/^\/(quit|exit)\s*$/i.test(line.trim())) break;
          if (as) {
            user = as[1]!.toLowerCase();
            write(o.texts?.switched(user) ?? user);
            prompt();
            continue;
          }
          if (!line.trim()) {
            prompt();
            continue;
          }
        }
        await onInbound(toInbound(who, text, `console-${++seq}`, o.now()));
        prompt();
      }
      rl?.close();
      o.onEnd?.();
      resolveDone();
    };
    void loop();
  };

  return {
    name: 'console',
    capabilities: { buttons: false, maxButtons: 0, groups: false, threads: false, bidi: false },
    start,
    done,
    send: async (to: Address, m: Outbound) => {
      write(formatReply(to.user, m));
      return { ok: true };
    },
    stop: async () => {
      rl?.close();
    },
  };
};
