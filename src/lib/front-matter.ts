/**
 * The front matter of SPEC §2.1: a block between two `---` lines at the very top, one `key: value` per
 * line. Values are strings, numbers, `true`/`false`, or lists written `[a, b, c]`. Deliberately not
 * YAML: a small, strict subset gives authors exact messages and costs learners no parser bytes.
 */
import { type Position, ProblemList } from './problems.js';
import { editDistance } from './text.js';

export type Scalar = string | number | boolean;
export type FrontMatterValue = Scalar | Scalar[];

export interface FrontMatter {
  data: Record<string, FrontMatterValue>;
  /** The line each key was written on, for messages. */
  lines: Record<string, number>;
  /** The text after the front matter. */
  body: string;
  /** The line on which `body` starts in the file. */
  bodyLine: number;
}

const FENCE = /^---[ \t]*$/;
const KEY_VALUE = /^([A-Za-z_][\w-]*)[ \t]*:(.*)$/;

/**
 * Splits front matter from the rest of a file. `firstLine` is the line of `source` in its file (a quiz
 * fenced inside a lesson starts further down).
 */
export function parseFrontMatter(source: string, file: string, problems: ProblemList, firstLine = 1): FrontMatter {
  const none: FrontMatter = { data: {}, lines: {}, body: source, bodyLine: firstLine };
  const lines = source.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return none;

  const end = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (end === -1) {
    problems.error(
      'front-matter-unclosed',
      { file, line: firstLine },
      'the front matter opened here is never closed: add a line "---" after its last "key: value" line',
    );
    return none;
  }

  const data: Record<string, FrontMatterValue> = {};
  const keyLines: Record<string, number> = {};
  for (let i = 1; i < end; i++) {
    const text = lines[i]!;
    const line = firstLine + i;
    if (!text.trim() || text.trimStart().startsWith('#')) continue;
    const match = KEY_VALUE.exec(text);
    if (!match) {
      problems.error(
        'front-matter-syntax',
        { file, line },
        `front matter lines are written "key: value", but this line is "${text.trim()}"`,
      );
      continue;
    }
    const key = match[1]!;
    if (key in data) {
      problems.error(
        'front-matter-syntax',
        { file, line },
        `"${key}" is already set on line ${keyLines[key]}: keep only one of the two lines`,
      );
      continue;
    }
    data[key] = parseValue(match[2]!.trim());
    keyLines[key] = line;
  }
  return {
    data,
    lines: keyLines,
    body: lines.slice(end + 1).join('\n'),
    bodyLine: firstLine + end + 1,
  };
}

function parseValue(text: string): FrontMatterValue {
  if (text.startsWith('[') && text.endsWith(']')) {
    const inner = text.slice(1, -1).trim();
    return inner ? inner.split(',').map((item) => parseScalar(item.trim())) : [];
  }
  return parseScalar(text);
}

function parseScalar(text: string): Scalar {
  const quoted = /^(["'])(.*)\1$/.exec(text);
  if (quoted) return quoted[2]!;
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
/** A scheme, a colon and no space: an absolute IRI, as xAPI activity ids must be. */
const ABSOLUTE_IRI = /^[a-z][a-z0-9+.-]*:[^\s]+$/i;

/** Explains how to fix an id that does not match {@link ID_PATTERN}. */
export function idAdvice(value: string): string {
  const suggestion = value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const tail = suggestion ? `, for example "${suggestion}"` : '';
  return `use only lowercase letters a–z, digits and hyphens, starting with a letter or digit${tail}`;
}

/**
 * Reads typed values out of front matter, reporting a wrong value as an error where it was written and,
 * at {@link FieldReader.finish}, every key nobody asked for as a warning with a did-you-mean.
 */
export class FieldReader {
  private readonly known = new Set<string>();

  constructor(
    private readonly frontMatter: FrontMatter,
    private readonly file: string,
    private readonly problems: ProblemList,
  ) {}

  has(key: string): boolean {
    this.known.add(key);
    return key in this.frontMatter.data;
  }

  at(key: string): Position {
    return { file: this.file, line: this.frontMatter.lines[key] ?? this.frontMatter.bodyLine };
  }

  string(key: string): string | undefined {
    if (!this.has(key)) return undefined;
    const value = this.frontMatter.data[key]!;
    if (Array.isArray(value)) return this.invalid(key, value, 'a single value, not a list');
    return String(value).trim() || this.invalid(key, value, 'some text');
  }

  id(key: string): string | undefined {
    const value = this.string(key);
    if (value === undefined || ID_PATTERN.test(value)) return value;
    this.problems.error('invalid-id', this.at(key), `"${key}: ${value}" is not a valid id: ${idAdvice(value)}`);
    return undefined;
  }

  boolean(key: string): boolean | undefined {
    if (!this.has(key)) return undefined;
    const value = this.frontMatter.data[key]!;
    return typeof value === 'boolean' ? value : this.invalid(key, value, '"true" or "false"');
  }

  /** A whole number from `min` up. */
  count(key: string, min: number): number | undefined {
    if (!this.has(key)) return undefined;
    const value = this.frontMatter.data[key]!;
    if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value;
    return this.invalid(key, value, `a whole number of ${min} or more`);
  }

  /** A number greater than zero. */
  positive(key: string): number | undefined {
    if (!this.has(key)) return undefined;
    const value = this.frontMatter.data[key]!;
    return typeof value === 'number' && value > 0 ? value : this.invalid(key, value, 'a number greater than 0');
  }

  percent(key: string): number | undefined {
    if (!this.has(key)) return undefined;
    const value = this.frontMatter.data[key]!;
    if (typeof value === 'number' && value >= 0 && value <= 100) return value;
    return this.invalid(key, value, 'a percentage from 0 to 100, without the % sign');
  }

  oneOf<T extends string>(key: string, choices: readonly T[]): T | undefined {
    if (!this.has(key)) return undefined;
    const value = this.frontMatter.data[key]!;
    if (choices.includes(value as T)) return value as T;
    return this.invalid(key, value, `one of ${choices.map((c) => `"${c}"`).join(', ')}`);
  }

  /** An absolute IRI (`https://tdap.gov.pk/courses/export-basics`): an xAPI activity id. */
  iri(key: string): string | undefined {
    const value = this.string(key);
    if (value === undefined || ABSOLUTE_IRI.test(value)) return value;
    return this.invalid(key, value, 'an absolute address such as "https://example.org/courses/export-basics"');
  }

  /** A list of ids; a single id is accepted as a list of one. */
  idList(key: string): string[] | undefined {
    if (!this.has(key)) return undefined;
    const raw = this.frontMatter.data[key]!;
    const values = (Array.isArray(raw) ? raw : [raw]).map(String);
    const bad = values.find((value) => !ID_PATTERN.test(value));
    if (bad === undefined) return values;
    this.problems.error('invalid-id', this.at(key), `"${bad}" in "${key}" is not a valid id: ${idAdvice(bad)}`);
    return undefined;
  }

  /** Warns about every key that was never asked for: kept and ignored, as SPEC §2.1 says. */
  finish(): void {
    for (const key of Object.keys(this.frontMatter.data)) {
      if (this.known.has(key)) continue;
      const close = [...this.known].find((known) => editDistance(key.toLowerCase(), known.toLowerCase()) <= 2);
      const hint = close ? `; did you mean "${close}"?` : '; it is ignored';
      this.problems.warning('unknown-key', this.at(key), `unknown front matter key "${key}"${hint}`);
    }
  }

  private invalid(key: string, value: FrontMatterValue, expected: string): undefined {
    const written = Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
    this.problems.error('invalid-value', this.at(key), `"${key}" must be ${expected}, not "${written}"`);
    return undefined;
  }
}
