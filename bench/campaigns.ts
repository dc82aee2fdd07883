import { loadContent } from '../src/app.js';
import type { Store } from '../src/core/store.js';
import { campaignJobs } from '../src/domain/campaigns/jobs.js';
import { COLLECTIONS, DATA_VERSION, MIGRATIONS, type DataSchema } from '../src/domain/index.js';
import type { BenchStore } from './stores.js';

export interface CampaignBenchOptions {
  /** Live duos, matched over the last six months. */
  readonly duos: number;
  /** Buddy meetings in the ledger (spread over the duos). */
  readonly meetings: number;
}

const NOW = Date.parse('2026-11-23T09:00:00Z');
const DAY = 86_400_000;
const ms = (t: number) => Math.round(t * 100) / 100;

/**
 * The campaign planner runs in the scheduler's plan step (after a change, else once a minute): it
 * reads every live duo and the ledger once and plans the events of the next 36 hours. Prints the
 * first round (which plans jobs), a steady round (nothing new: the once-a-minute cost), how many
 * jobs were planned and the RSS, for `duos` duos in the store `where` gives (file or PostgreSQL).
 */
export const benchCampaigns = async (
  o: CampaignBenchOptions,
  print: (line: object) => void,
  where: BenchStore,
): Promise<void> => {
  let store: Store<DataSchema> | null = null;
  try {
    store = await where.open<DataSchema>({
      schemaVersion: DATA_VERSION,
      migrations: MIGRATIONS,
      collections: COLLECTIONS,
    });
    await store.transact((tx) => {
      tx.put('municipalities', 'gent', { v: 1, id: 'gent', name: 'Gent', campaign: 'wetteren' });
      for (let i = 0; i < o.duos; i++) {
        const n = `p_n${i}`;
        const b = `p_b${i}`;
        for (const [id, role] of [
          [n, 'newcomer'],
          [b, 'buddy'],
        ] as const)
          tx.put('people', id, {
            v: 1,
            id,
            name: id,
            role,
            municipality: 'gent',
            lang: 'nl',
            coachId: null,
            consent: null,
            broadcasts: true,
            createdAt: new Date(NOW).toISOString(),
            createdBy: 'bench',
          });
        tx.put('duos', `d${i}`, {
          v: 1,
          id: `d${i}`,
          newcomerId: n,
          buddyId: b,
          coachId: null,
          status: 'active',
          matchedAt: new Date(NOW - (i % 180) * DAY - (i % 24) * 3_600_000).toISOString(),
        });
      }
      for (let j = 0; j < o.meetings; j++) {
        const i = j % o.duos;
        const date = new Date(NOW - (j % 170) * DAY).toISOString().slice(0, 10);
        tx.put('ledger', `le${j}`, {
          v: 1,
          id: `le${j}`,
          newcomerId: `p_n${i}`,
          minutes: 90,
          date,
          offerType: 'buddy',
          organisation: null,
          contactId: `p_b${i}`,
          description: null,
          reportedBy: `p_b${i}`,
          via: null,
          status: 'confirmed',
          createdAt: `${date}T12:00:00.000Z`,
          history: [],
        });
      }
    });
    const { campaigns } = loadContent();
    const jobs = campaignJobs({
      timeZone: 'Europe/Brussels',
      campaigns,
      defaultCampaign: 'vgc',
      render: (t) => ({ text: t.key }),
    });
    const round = async (t: number) => {
      const started = performance.now();
      await store!.transact((tx) => jobs.plan(tx, new Date(t)));
      return performance.now() - started;
    };
    const first = await round(NOW);
    const planned = await store.read((tx) => tx.count('jobs'));
    const steady: number[] = [];
    for (let k = 1; k <= 5; k++) steady.push(await round(NOW + k * 60_000));
    steady.sort((a, b) => a - b);
    print({
      bench: 'campaigns',
      store: where.kind,
      duos: o.duos,
      meetings: o.meetings,
      first_round_ms: ms(first),
      jobs_planned: planned,
      steady_round_ms_p50: ms(steady[2] ?? 0),
      steady_round_ms_max: ms(steady.at(-1) ?? 0),
      rss_mb: Math.round(process.memoryUsage().rss / 1_048_576),
    });
  } finally {
    await store?.close();
    await where.dispose();
  }
};
