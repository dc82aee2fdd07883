import { pathToFileURL } from 'node:url';
import { benchBroadcast } from './broadcast.js';
import { benchCampaigns } from './campaigns.js';
import { benchInbound } from './inbound.js';
import { benchParse } from './parse.js';
import { benchScheduler } from './scheduler.js';
import { benchStore, type StoreKind } from './stores.js';

/**
 * `npm run bench [-- <name>]`: each benchmark prints one JSON line per result on standard output.
 * Speed and memory targets are checked here, not in timed unit tests.
 */
/** Where the benchmarks print and which environment sizes them (the process's by default). */
export interface BenchIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  out(line: string): void;
  err(line: string): void;
}

const processIo: BenchIo = {
  env: process.env,
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
};

type Print = (line: object) => void;

const BENCHES: Record<string, (print: Print, env: BenchIo['env'], store: StoreKind) => Promise<void>> = {
  'parse-hours': async (print) => benchParse(print),
  inbound: async (print, env, store) => {
    const messages = Number(env['BENCH_MESSAGES'] ?? 4000);
    for (const people of [1_000, 20_000])
      await benchInbound(
        { people, ledger: 200_000, messages, concurrency: 32 },
        print,
        benchStore(store, env),
      );
  },
  broadcast: async (print, env, store) => {
    const recipients = Number(env['BENCH_RECIPIENTS'] ?? 10_000);
    await benchBroadcast({ recipients, limitPerSecond: 200 }, print, benchStore(store, env));
  },
  scheduler: async (print, env) => {
    const jobs = Number(env['BENCH_JOBS'] ?? 100_000);
    await benchScheduler({ jobs, due: Math.min(1_000, jobs), tickMs: 15_000 }, print);
  },
  campaigns: async (print, env, store) => {
    const duos = Number(env['BENCH_DUOS'] ?? 10_000);
    await benchCampaigns({ duos, meetings: duos * 5 }, print, benchStore(store, env));
  },
};

/**
 * Runs the named benchmarks (all when none); `--store file|postgres` picks the store of those that
 * use one (file by default; postgres needs DATABASE_URL). Returns the exit code, 2 for an unknown
 * name or store.
 */
export const runBench = async (args: string[], io: BenchIo = processIo): Promise<number> => {
  const print: Print = (line) => io.out(JSON.stringify(line));
  const at = args.indexOf('--store');
  const store = at < 0 ? 'file' : args[at + 1];
  if (store !== 'file' && store !== 'postgres') {
    io.err(`unknown store "${store ?? ''}"; known: file, postgres`);
    return 2;
  }
  const names = at < 0 ? args : [...args.slice(0, at), ...args.slice(at + 2)];
  const chosen = names.length ? names : Object.keys(BENCHES);
  for (const name of chosen) {
    const bench = BENCHES[name];
    if (!bench) {
      io.err(`unknown benchmark "${name}"; known: ${Object.keys(BENCHES).join(', ')}`);
      return 2;
    }
    await bench(print, io.env, store);
  }
  return 0;
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runBench(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exit(1);
    },
  );
}
