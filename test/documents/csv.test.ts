import { describe, expect, it } from 'vitest';
import { rowsText, writeRows } from '../../src/documents/csv.js';
import { proofTexts } from '../../src/documents/proof-pdf.js';

describe('rowsText', () => {
  it('is what writeRows writes, each line ending in a newline', () => {
    const rows = [
      { name: 'Amina', note: '=1+1' },
      { name: 'Nour; El', note: 'zei "ja"' },
    ];
    const lines: string[] = [];
    writeRows((l) => lines.push(l), ['name', 'note'], rows, 'csv');
    expect(rowsText(['name', 'note'], rows, 'csv')).toBe(`${lines.join('\n')}\n`);
    expect(rowsText(['name', 'note'], rows, 'csv')).toBe(`name;note\nAmina;'=1+1\n"Nour; El";"zei ""ja"""\n`);
    expect(rowsText(['name'], [{ name: 'Amina' }], 'json')).toBe('{"name":"Amina"}\n');
  });
});

describe('proofTexts', () => {
  it('asks for the proof namespace in Dutch, whatever the caller speaks', () => {
    const asked: unknown[] = [];
    const t = proofTexts({ t: (lng, key, params) => (asked.push([lng, key, params]), 'x') });
    t('title');
    t('total', { hours: 3 });
    expect(asked).toEqual([
      ['nl', 'proof:title', {}],
      ['nl', 'proof:total', { hours: 3 }],
    ]);
  });
});
