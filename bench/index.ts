import { pathToFileURL } from 'node:url';
import { benchBroadcast } from './broadcast.js';
import { benchCampaigns } from './campaigns.js';
import { benchInbound } from './inbound.js';
import { benchParse } from './parse.js';
import { benchScheduler } from './scheduler.js';

/**
 * `npm run bench [-- <name>]`: each benchmark prints one JSON line per result on standard output.
 * Speed and memory targets are checked here, not in timed unit tests.
 */
const print = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

const BENCHES: Record<string, () => Promise<void>> = {
  'parse-hours': async () => benchParse(print),
  inbound: async () => {
    const messages = Number(process.env['BENCH_MESSAGES'] ?? 4000);
    for (const people of [1_000, 20_000])
      await benchInbound({ people, ledger: 200_000, messages, concurrency: 32 }, print);
  },
  broadcast: async () => {
    const recipients = Number(process.env['BENCH_RECIPIENTS'] ?? 10_000);
    await benchBroadcast({ recipients, limitPerSecond: 200 }, print);
  },
  scheduler: async () => {
    const jobs = Number(process.env['BENCH_JOBS'] ?? 100_000);
    await benchScheduler({ jobs, due: Math.min(1_000, jobs), tickMs: 15_000 }, print);
  },
  campaigns: async () => {
    const duos = Number(process.env['BENCH_DUOS'] ?? 10_000);
    await benchCampaigns({ duos, meetings: duos * 5 }, print);
  },
};

export const runBench = async (names: string[]): Promise<void> => {
  const chosen = names.length ? names : Object.keys(BENCHES);
  for (const name of chosen) {
    const bench = BENCHES[name];
    if (!bench) {
      process.stderr.write(`unknown benchmark "${name}"; known: ${Object.keys(BENCHES).join(', ')}\n`);
      process.exitCode = 2;
      return;
    }
    await bench();
  }
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runBench(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${String(e)}\n`);
    process.exit(1);
  });
}
