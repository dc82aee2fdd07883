import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutboxRecord } from '../../src/core/records.js';
import { runCli } from '../helpers/cli.js';
import { fileStore } from '../helpers/store.js';
import { dm, group, row } from './helpers.js';

const T = '2026-11-23T09:00:00.000Z';
const long =
  'Deze week: wandeling langs de Schelde, gratis, vertrek aan het station om 14 uur. Iedereen welkom!';

const seed = async (dir: string) => {
  const store = await fileStore(dir);
  const rows: OutboxRecord[] = [
    row('ob_1', dm('whatsapp', '32470123456@c.us'), long, T, {
      status: 'failed',
      attempts: 6,
      error: 'Evaluation failed: no such chat',
    }),
    row('bc:b1:77aa', group('telegram', '-1001234567'), 'Weekoverzicht Wetteren', T, {
      status: 'failed',
      attempts: 1,
      error: 'Forbidden: bot was kicked',
      kind: 'broadcast',
      broadcastId: 'b1',
    }),
    row('ob_2', dm('telegram', '5550001'), 'Hallo', T),
    row('bc:b1:88bb', dm('telegram', '5550002'), 'Aanbod', T, { kind: 'broadcast', broadcastId: 'b1' }),
  ];
  await store.transact((tx) => {
    for (const r of rows) tx.put('outbox', r.id, r);
  });
  await store.close();
};

describe('outbox on the command line', () => {
  it('lists dead letters without phone numbers, retries them, and counts what waits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-outbox-cli-'));
    await seed(dir);
    const env = { DATA_DIR: dir, DEMO_DATA: 'false' };

    const failed = await runCli(['outbox', 'failed'], env);
    expect(failed.code).toBe(0);
    const lines = failed.out.split('\n');
    expect(lines[0]).toBe('2 berichten zijn mislukt:');
    expect(failed.out).toContain(
      '• ob_1 · whatsapp ***456 · 23-11-2026, 10:00 · pogingen: 6 · fout: Evaluation failed: no such chat',
    );
    expect(failed.out).toContain(`  “${long.slice(0, 60)}…”`);
    expect(failed.out).toContain('• bc:b1:77aa · telegram ***567 · ');
    expect(failed.out).not.toMatch(/32470123456|1001234567/);
    expect(failed.out).toContain('Opnieuw versturen: npm run cli -- outbox retry --id ID (of --all).');

    const tg = await runCli(['outbox', 'failed', '--channel', 'telegram'], env);
    expect(tg.out.split('\n')[0]).toBe('1 bericht is mislukt:');

    const status = await runCli(['outbox', 'status'], env);
    expect(status.out).toBe(
      [
        'telegram · antwoord · wacht: 1',
        'telegram · rondzending · wacht: 1',
        'telegram · rondzending · mislukt: 1',
        'whatsapp · antwoord · mislukt: 1',
        'Totaal 4: 2 wachten, 0 onderweg, 2 mislukt.',
        '',
      ].join('\n'),
    );

    const none = await runCli(['outbox', 'retry', '--id', 'ob_2'], env);
    expect(none).toMatchObject({ code: 1, err: 'Dat mislukte bericht ken ik niet: ob_2.\n' });
    expect((await runCli(['outbox', 'retry', '--id', 'ob_1'], env)).out).toBe(
      '1 bericht staat weer in de wachtrij. De bot verstuurt het als hij draait.\n',
    );
    expect((await runCli(['outbox', 'retry', '--all'], env)).out).toMatch(/^1 bericht staat weer/);

    const store = await fileStore(dir);
    const back = await store.read((tx) => [tx.get('outbox', 'ob_1'), tx.get('outbox', 'bc:b1:77aa')]);
    await store.close();
    for (const r of back) expect(r).toMatchObject({ status: 'pending', attempts: 0 });
    expect(back[0]).not.toHaveProperty('error');
  }, 120_000);
});
