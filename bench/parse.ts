import { parseHours } from '../src/parsing/hours/index.js';

/** Reports in every language, chatter, and hostile lines (one over the limit, one at it). */
const SAMPLES = [
  'vandaag 2 uur met Amina naar de bib',
  'gisteren 3u kringwinkel',
  'van 14u tot 16u30 praattafel',
  'vorige week dinsdag anderhalf uur',
  'twee en een half uur op 12/11 met Sara El Amrani',
  '2 hours yesterday',
  'from 2pm to 4pm at the library with Sara',
  'hier 1h30 avec Marie au parc',
  'ساعتين امس',
  'ساعة ونصف مع أحمد في المكتبة',
  '۲ ساعت دیروز با مریم',
  'вчора дві години з Оленою',
  'позавчера полтора часа футбол',
  'dün 2 saat yürüyüş',
  'ayer hora y media con Ana',
  '2',
  'hallo, hoe gaat het?',
  '👍',
  'x'.repeat(10_000),
  '1 '.repeat(499) + 'u',
];

/**
 * Parser speed over the mix above; one JSON line. `now` moves a minute per message, so each call
 * works out "today" in the time zone afresh, as it does for live traffic.
 */
export const benchParse = (print: (line: object) => void, messages = 50_000): void => {
  const start0 = Date.parse('2026-11-23T10:00:00Z');
  const times = new Float64Array(messages);
  const start = performance.now();
  for (let i = 0; i < messages; i++) {
    const ctx = {
      now: new Date(start0 + i * 60_000),
      timeZone: 'Europe/Brussels',
      bareNumberIsHours: i % 2 === 0,
    };
    const s = performance.now();
    parseHours(SAMPLES[i % SAMPLES.length] ?? '', ctx);
    times[i] = performance.now() - s;
  }
  const seconds = (performance.now() - start) / 1000;
  times.sort();
  print({
    bench: 'parse-hours',
    messages,
    per_s: Math.round(messages / seconds),
    p50_us: Math.round((times[Math.floor(messages * 0.5)] ?? 0) * 1000),
    p99_us: Math.round((times[Math.floor(messages * 0.99)] ?? 0) * 1000),
  });
};
