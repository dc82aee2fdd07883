import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLog } from '../../src/logging.js';

afterEach(() => vi.restoreAllMocks());

describe('logs hold no personal data', () => {
  it('hides names, texts, phones and chat ids in pretty logs too', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (written.push(String(s)), true));
    const log = createLog('info', true);
    log.info(
      { name: 'Amina', text: 'gisteren 2u', to: { chat: '32470123456@c.us', user: 'x' }, job: 'j1' },
      'event',
    );
    expect(written.join('')).toBe(
      'INFO event {"name":"[hidden]","text":"[hidden]","to":{"chat":"[hidden]","user":"[hidden]"},"job":"j1"}\n',
    );
  });

  it('hides the same fields in JSON logs (a field, or a field one level down)', () => {
    const lines: string[] = [];
    createLog('info', false, (l) => lines.push(l)).info(
      { name: 'Amina', text: 'gisteren 2u', to: { chat: '32470123456@c.us', user: 'x' }, job: 'j1' },
      'event',
    );
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      name: '[hidden]',
      text: '[hidden]',
      to: { chat: '[hidden]', user: '[hidden]' },
      job: 'j1',
    });
    expect(lines.join('')).not.toMatch(/Amina|gisteren|32470123456/);
  });
});
