import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/app.js';
import { loadConfig, VARIABLES } from '../../src/config/index.js';
import { isCodedError } from '../../src/core/errors.js';

const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (isCodedError(e, 'CONFIG_INVALID')) return e.message;
    throw e;
  }
  throw new Error('expected CONFIG_INVALID');
};

describe('configuration', () => {
  it('runs on defaults with nothing set', () => {
    const c = loadConfig({}, null);
    expect(c).toMatchObject({
      DATA_DIR: 'data',
      STORE: 'file',
      TIMEZONE: 'Europe/Brussels',
      INVITE_TTL_DAYS: 14,
      MAX_MISSES: 3,
    });
  });

  it('reports every bad variable with its name, what was expected and how to fix it', () => {
    const msg = errorOf(() =>
      loadConfig({ INVITE_TTL_DAYS: 'twee', TIMEZONE: 'Europe/Gent', STORE: 'sql' }, null),
    );
    const lines = msg.split('\n').slice(1);
    expect(lines).toHaveLength(3);
    expect(msg).toMatch(
      /INVITE_TTL_DAYS="twee": .*Days an invite code stays valid.*Example: INVITE_TTL_DAYS=14\. Fix it in \.env/,
    );
    expect(msg).toMatch(/TIMEZONE="Europe\/Gent": an IANA time zone/);
    expect(msg).toMatch(/STORE="sql": .*"file".*"memory"/);
  });

  it('reads ROLES as a list and checks each role; WHATSAPP_ACCOUNT names one of several numbers', () => {
    expect(loadConfig({}, null).ROLES).toEqual(['all']);
    expect(loadConfig({ ROLES: 'Telegram, slack,whatsapp-gent' }, null).ROLES).toEqual([
      'telegram',
      'slack',
      'whatsapp-gent',
    ]);
    expect(errorOf(() => loadConfig({ ROLES: 'telegram,planner' }, null))).toMatch(
      /ROLES="telegram,planner": a comma-separated list of all, scheduler, telegram, slack, whatsapp, web, console/,
    );
    expect(loadConfig({ WHATSAPP_ACCOUNT: 'gent' }, null).WHATSAPP_ACCOUNT).toBe('gent');
    expect(errorOf(() => loadConfig({ WHATSAPP_ACCOUNT: 'Gent Centrum' }, null))).toMatch(
      /WHATSAPP_ACCOUNT="Gent Centrum": 1 to 20 lowercase letters or digits/,
    );
  });

  it('reads .env, and the real environment wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-env-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'INVITE_TTL_DAYS=7\nMAX_MISSES=5\n# comment\n');
    expect(loadConfig({ MAX_MISSES: '2' }, file)).toMatchObject({ INVITE_TTL_DAYS: 7, MAX_MISSES: 2 });
  });

  it('documents every variable in .env.example and in the README table', () => {
    const example = readFileSync(`${ROOT}.env.example`, 'utf8');
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    for (const key of Object.keys(VARIABLES)) {
      expect(example, key).toMatch(new RegExp(`^#? ?${key}=`, 'm'));
      expect(readme, key).toContain(`| \`${key}\``);
    }
  });
});
