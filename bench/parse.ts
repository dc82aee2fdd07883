import { parseHours } from '../src/parsing/hours/index.js';

const SAMPLES = [
  'vandaag 2 uur met Amina naar de bib',
  'gisteren 3u kringwinkel',
  '2 hours yesterday',
  'ساعتين امس',
  'van 14u tot 16u30 praattafel',
  'vorige week dinsdag anderhalf uur',
  '۲ ساعت دیروز',
  'вчора 2 години',
  'dün 2 saat yürüyüş',
  'hallo, hoe gaat het?',
  '12/11 45 min',
  'x'.repeat(2000),
];

/** Parser speed over a mix of reports, chatter and a hostile line; one JSON line. */
export const benchParse = (print: (line: object) => void, messages = 50_000): void => {
  const ctx = { now: new Date('2026-11-23T10:00:00Z'), timeZone: 'Europe/Brussels' };
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < messages; i++) {
    const s = performance.now();
    parseHours(SAMPLES[i % SAMPLES.length]!, ctx);
    times.push(performance.now() - s);
  }
  const seconds = (performance.now() - start) / 1000;
  times.sort((a, b) => a - b);
  print({
    bench: 'parse-hours',
    messages,
    per_s: Math.round(messages / seconds),
    p50_us: Math.round((times[Math.floor(messages * 0.5)] ?? 0) * 1000),
    p99_us: Math.round((times[Math.floor(messages * 0.99)] ?? 0) * 1000),
  });
};
