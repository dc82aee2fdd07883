import type { IncomingMessage } from 'node:http';

/** A form value as grammY encodes it: objects and arrays as JSON, everything else as text. */
const value = (v: string): unknown => {
  if (/^[[{]/.test(v)) {
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v;
    }
  }
  return v;
};

/** The text fields of a multipart/form-data body (files are kept as their text; tests send none). */
const multipart = (body: string, boundary: string): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const part of body.split(`--${boundary}`)) {
    const m = /name="([^"]+)"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*)\r\n$/.exec(part);
    if (m) out[m[1]!] = value(m[2]!);
  }
  return out;
};

/**
 * The parameters of a Bot API request, whichever encoding the client chose: JSON (grammY's
 * default), x-www-form-urlencoded or multipart/form-data (grammY, when uploading files).
 */
export const readParams = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  if (!body) return {};
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) return JSON.parse(body) as Record<string, unknown>;
  if (type.includes('application/x-www-form-urlencoded'))
    return Object.fromEntries([...new URLSearchParams(body)].map(([k, v]) => [k, value(v)]));
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (type.includes('multipart/form-data') && boundary) return multipart(body, boundary[1] ?? boundary[2]!);
  return JSON.parse(body) as Record<string, unknown>;
};
