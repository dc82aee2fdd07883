import { readable } from '../../../src/channels/memory/index.js';
import { createTestBot, type TestBot } from '../../helpers/bot.js';

// The demo duo Amina and Sara is matched on Monday 23 November 2026 at 10:00 Brussels (the test
// bot's clock); coach Lotte follows them. The bot runs hour by hour, like the real one ticks.
const HOUR = 3_600_000;

const local = (d: Date) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Brussels',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(d);

export interface World {
  readonly bot: TestBot;
  /** What the newcomer and the buddy got, with the local time, in order. */
  readonly log: string[];
  /** Runs the bot until `until` (ISO), an hour at a time. */
  until(until: string): Promise<void>;
  marks(): Promise<string[]>;
  tasks(): Promise<string[]>;
}

/** The demo world with a campaign: Amina onboarded, the clock at the match (Mon 23 Nov 2026 10:00). */
export const world = async (campaign: string): Promise<World> => {
  const bot = await createTestBot({ defaultCampaign: campaign });
  const amina = bot.user('amina');
  await bot.onboard(amina);
  const log: string[] = [];
  const until = async (end: string) => {
    while (bot.clock.now().getTime() < Date.parse(end)) {
      const before = bot.channel.sent.length;
      await bot.app.tick();
      await bot.app.idle();
      for (const s of bot.channel.sent.slice(before))
        if (s.to.user === 'amina' || s.to.user === 'sara')
          log.push(`${local(bot.clock.now())} ${s.to.user}: ${readable(s.message).split('\n')[0]}`);
      bot.clock.advance(HOUR);
    }
  };
  const marks = () =>
    bot.store.read((tx) =>
      tx
        .list('followups', (m) => m.eventId !== '*')
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.eventId.localeCompare(b.eventId))
        .map(
          (m) =>
            `${local(new Date(m.dueAt))} ${m.eventId} ${m.status}${m.reason ? ` (${m.reason})` : ''}${m.answer ? ` answer=${m.answer}` : ''}`,
        ),
    );
  const tasks = () =>
    bot.store.read((tx) =>
      tx
        .list('tasks')
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.kind.localeCompare(b.kind))
        .map((t) => `${t.dueDate} ${t.kind} ${t.source} ${t.status}`),
    );
  return { bot, log, until, marks, tasks };
};
