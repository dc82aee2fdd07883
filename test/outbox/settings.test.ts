import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { silentLog } from '../../src/core/log.js';
import { realChannels } from '../../src/main.js';
import { isCodedError } from '../../src/core/errors.js';
import { DEFAULT_QUIET_HOURS, outboxSettings, PLATFORM_POLICIES } from '../../src/outbox/index.js';

describe('outbox settings from the configuration', () => {
  it("defaults to the platforms' limits, quiet hours 21:00-08:00 and 6 attempts", () => {
    const s = outboxSettings(loadConfig({}, null));
    expect(s).toMatchObject({ maxAttempts: 6, quietHours: DEFAULT_QUIET_HOURS, timeZone: 'Europe/Brussels' });
    for (const [name, policy] of Object.entries(PLATFORM_POLICIES)) {
      const got = s.policies[name]!;
      expect(got, name).toMatchObject({ ...policy, concurrency: 1 });
      for (const k of ['overall', 'perChat', 'perGroup'] as const)
        if (!policy[k]) expect(got[k], `${name} ${k}`).toBeFalsy();
    }
  });

  it('reads other limits, off, and quiet hours; refuses what it cannot read', () => {
    const s = outboxSettings(
      loadConfig(
        { RATE_TELEGRAM: '10/s', RATE_SLACK_CHAT: 'off', QUIET_HOURS: 'off', OUTBOX_CONCURRENCY: '2' },
        null,
      ),
    );
    expect(s.policies['telegram']).toMatchObject({ overall: { count: 10, perMs: 1000 }, concurrency: 2 });
    expect(s.policies['slack']).toEqual({ perChat: null, concurrency: 2 });
    expect(s.quietHours).toBeNull();
    try {
      loadConfig({ RATE_TELEGRAM: 'fast', QUIET_HOURS: '21-8' }, null);
      expect.unreachable();
    } catch (e) {
      expect(isCodedError(e, 'CONFIG_INVALID')).toBe(true);
      expect((e as Error).message).toMatch(/RATE_TELEGRAM="fast": .*30\/s, 20\/min or 100\/h, or off/);
      expect((e as Error).message).toMatch(/QUIET_HOURS="21-8": HH:MM-HH:MM/);
    }
  });

  it("names a region's WhatsApp number: its channel, its limit, its session", () => {
    const config = loadConfig({ WHATSAPP: 'true', WHATSAPP_ACCOUNT: 'gent', RATE_WHATSAPP: '10/min' }, null);
    expect(outboxSettings(config).policies['whatsapp-gent']).toMatchObject({
      overall: { count: 10, perMs: 60_000 },
    });
    expect(outboxSettings(config).policies['whatsapp']).toBeUndefined();
    const channels = realChannels(config, { log: silentLog, i18n: loadContent().i18n });
    expect(channels.map((c) => c.name)).toEqual(['whatsapp-gent']);
  });
});
