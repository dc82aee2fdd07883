/**
 * `/netwerkbot proof <naam>` in Slack, over the fake Web API and signed requests into Bolt: the
 * coach gets the proof's PDF in her DM (files.getUploadURLExternal, the upload, and
 * files.completeUploadExternal into the DM), the file being the PDF the ledger makes.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type App } from '../../src/app.js';
import { createSeededIds, ManualClock } from '../../src/core/clock.js';
import { confirmEntry, recordEntry, seedDemo } from '../../src/domain/index.js';
import { createSlackHarness, type SlackHarness } from '../fakes/slack/harness.js';
import { slashCommand } from '../fakes/slack/payloads.js';
import { onlyChat } from '../helpers/identity.js';
import { content, startApp } from '../helpers/app.js';
import { memoryStore } from '../helpers/store.js';

describe('slack: /netwerkbot proof', () => {
  let h: SlackHarness;
  let app: App;
  afterEach(async () => {
    await app.stop();
    await h.close();
  });

  it('uploads one PDF per proof to the coach and records the export', async () => {
    h = await createSlackHarness();
    const store = memoryStore();
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    const dir = mkdtempSync(join(tmpdir(), 'nb-proof-'));
    const demo = await store.transact((tx) => {
      const d = seedDemo(tx, clock.now(), content.i18n.languages, 'console');
      onlyChat(tx, d.coach.id, h.privateAddress('lotte'), clock.now());
      const ids = createSeededIds(3);
      const amina = d.invited[0]!.person.id;
      const e = recordEntry(
        tx,
        {
          newcomerId: amina,
          minutes: 90,
          date: '2026-11-20',
          offerType: 'buddy',
          contactId: d.buddy.id,
          description: 'wandeling',
        },
        { personId: amina, via: null },
        { now: clock.now(), ids },
      );
      confirmEntry(
        tx,
        e.id,
        { personId: d.buddy.id, via: { channel: 'whatsapp', messageId: 'w1' } },
        { now: clock.now() },
      );
      return d;
    });
    app = await startApp({ store, channels: [h.channel], clock, proofDir: dir });

    const fields = slashCommand(h.workspace, {
      user: h.userId('lotte'),
      channel: h.dmOf('lotte'),
      command: '/netwerkbot',
      text: 'proof amina',
    });
    await h.post({ kind: 'command', fields }, { handled: true });
    await h.settle();
    await app.idle();

    const dm = h.api.messages(h.userId('lotte'));
    expect(dm.map((m) => h.shown(m))).toEqual([
      '📄 Bewijzen van deelname voor Amina: 1.',
      '📄 Buddywerking, Sara: 1,5 uur (1 keer). Bestand: bewijs_amina_01_buddy_sara.pdf',
    ]);
    const upload = dm[1]!;
    expect(upload.files).toHaveLength(1);
    const fileId = upload.files![0]!.id;
    expect(upload.files![0]!.title).toBe('bewijs_amina_01_buddy_sara.pdf');
    const pdf = readFileSync(join(dir, 'bewijs_amina_01_buddy_sara.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The client posts the file as multipart form data: the PDF plus a few hundred bytes of framing.
    const body = h.api.uploads.get(fileId)!;
    expect(body).toBeGreaterThan(pdf.length);
    expect(body).toBeLessThan(pdf.length + 1024);
    expect(h.api.calls.map((c) => c.method)).toEqual(
      expect.arrayContaining([
        'conversations.open',
        'files.getUploadURLExternal',
        'upload',
        'files.completeUploadExternal',
      ]),
    );
    const audit = await store.read((tx) => tx.list('audit'));
    expect(audit.map((a) => [a.actorId, a.what, a.subjectId, a.via, a.count])).toEqual([
      [demo.coach.id, 'proof', demo.invited[0]!.person.id, 'slack', 1],
    ]);
  });
});
