import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';

/** A path inside a YAML/JSON document (keys and indexes). */
export type DocPath = readonly (string | number)[];

/** A parsed and validated document, or its problems as `file:line:col path: what is wrong`. */
export interface ParsedYaml<T> {
  readonly value?: T;
  readonly problems: string[];
  /** `file:line:col path` of a place in the document, for checks after the schema. */
  readonly where: (path: DocPath) => string;
}

/**
 * Parses a YAML (or JSON) file's text and validates it against a zod schema; problems carry the
 * file, the line and column, and the path inside the document. `explain` words a schema issue
 * (default: zod's message).
 */
export const parseYamlWith = <S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  explain: (issue: z.core.$ZodIssue, input: unknown) => string = (i) => i.message,
): ParsedYaml<z.infer<S>> => {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true });
  const where = (path: DocPath) =>
    `${file}${position(doc, lc, path)}${path.length ? ` ${path.join('.')}` : ''}`;
  if (doc.errors.length) {
    return {
      where,
      problems: doc.errors.map((e) => {
        const p = e.linePos?.[0];
        return `${file}${p ? `:${p.line}:${p.col}` : ''} cannot be read as YAML/JSON: ${e.message.split('\n')[0]}`;
      }),
    };
  }
  const input: unknown = doc.toJS();
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    return {
      where,
      problems: parsed.error.issues.map((i) => `${where(i.path as DocPath)}: ${explain(i, input)}`),
    };
  return { value: parsed.data, problems: [], where };
};

/** `:line:col` of the deepest node on `path` that exists in the document. */
const position = (doc: Document, lc: LineCounter, path: DocPath): string => {
  for (let p = path; p.length >= 0; p = p.slice(0, -1)) {
    const n = p.length ? doc.getIn(p, true) : doc.contents;
    if (isNode(n) && n.range) {
      const { line, col } = lc.linePos(n.range[0]);
      return `:${line}:${col}`;
    }
    if (!p.length) break;
  }
  return '';
};

/** The value at `path` of a plain document (for wording a problem with what was there). */
export const valueAt = (input: unknown, path: DocPath): unknown =>
  path.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
    input,
  );
