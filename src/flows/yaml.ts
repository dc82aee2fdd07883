import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { CodedError } from '../core/errors.js';

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

/** A definition read from a directory, with the file it came from (relative to the working directory). */
export interface LoadedFile<T> {
  readonly value: T;
  readonly file: string;
}

/** How {@link loadDefinitions} reads one kind of definition file. */
export interface DefinitionDir<T extends { readonly id: string }> {
  /** What the files define, for the error's first line: "Flow", "Campaign". */
  readonly what: string;
  /** Which file names in the directory are definitions. */
  readonly accept: (name: string) => boolean;
  /** One file's text: its definition, or its problems as `file:line:col path: …`. */
  readonly parse: (file: string, text: string) => { readonly value?: T; readonly problems: string[] };
  /** The problem of a second file using an id `first` already has. */
  readonly duplicate: (file: string, id: string, first: string) => string;
  /** Checks across all definitions, run only when each file on its own is valid. */
  readonly check?: (all: ReadonlyMap<string, LoadedFile<T>>) => string[];
}

/**
 * Reads every definition file in `dir` (by name, in order), parses each and keeps them by id.
 * Any problem — in a file, a duplicate id, or across files — stops with one FLOW_INVALID error
 * listing each as `file:line:col path: what is wrong`, so all of them can be fixed at once.
 */
export const loadDefinitions = <T extends { readonly id: string }>(
  dir: string,
  d: DefinitionDir<T>,
): Map<string, LoadedFile<T>> => {
  const files = readdirSync(dir).filter(d.accept).sort();
  const all = new Map<string, LoadedFile<T>>();
  const problems: string[] = [];
  for (const name of files) {
    const file = relative(process.cwd(), join(dir, name)) || name;
    const r = d.parse(file, readFileSync(join(dir, name), 'utf8'));
    problems.push(...r.problems);
    if (!r.value) continue;
    const first = all.get(r.value.id);
    if (first) problems.push(d.duplicate(file, r.value.id, first.file));
    else all.set(r.value.id, { value: r.value, file });
  }
  if (!problems.length && d.check) problems.push(...d.check(all));
  if (problems.length)
    throw new CodedError(
      'FLOW_INVALID',
      `${d.what} definitions have problems; fix them and start again:\n  ${problems.join('\n  ')}`,
      { context: { problems } },
    );
  return all;
};
