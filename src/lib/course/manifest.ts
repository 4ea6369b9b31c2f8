/**
 * The course manifest (SPEC §2.1): front matter, a `#` title, a description, then `##` modules whose
 * list items each link to one lesson file.
 */
import type { Tokens } from 'marked';
import { FieldReader, parseFrontMatter } from '../front-matter.js';
import { checkNesting, listItemLines, markdown, tokensWithLines } from '../markdown.js';
import { ProblemList } from '../problems.js';
import { checkEncoding } from './lesson.js';
import { normalizeNewlines } from '../text.js';
import type { Course } from '../types.js';

export interface LessonLink {
  href: string;
  title: string;
  line: number;
  column: number;
}

export interface ManifestModule {
  title: string;
  description?: string;
  links: LessonLink[];
}

/** What the manifest says of the course; the lessons come from their own files. */
export interface Manifest extends Pick<
  Course,
  'id' | 'title' | 'lang' | 'description' | 'issuer' | 'activityId' | 'pass' | 'sequential' | 'certificate'
> {
  modules: ManifestModule[];
}

const LANG_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function parseManifest(rawSource: string, file: string, problems: ProblemList): Manifest {
  const source = normalizeNewlines(rawSource);
  checkEncoding(source, file, problems);
  const frontMatter = parseFrontMatter(source, file, problems);
  const fields = new FieldReader(frontMatter, file, problems);
  const id = fields.id('id');
  if (!fields.has('id')) {
    problems.error(
      'missing-id',
      { file, line: 1 },
      'the course has no id: add front matter at the top with a line such as "id: export-basics"',
    );
  }
  const title = fields.string('title');
  const lang = fields.string('lang');
  if (lang !== undefined && !LANG_TAG.test(lang)) {
    problems.error('invalid-value', fields.at('lang'), `"lang: ${lang}" is not a language tag: write one such as "en" or "ur"`);
  }
  const manifest: Manifest = {
    id: id ?? '',
    title: title ?? '',
    lang: lang && LANG_TAG.test(lang) ? lang : 'en',
    pass: fields.percent('pass') ?? 70,
    sequential: fields.boolean('sequential') ?? false,
    certificate: fields.boolean('certificate') ?? true,
    modules: [],
  };
  const issuer = fields.string('issuer');
  if (issuer) manifest.issuer = issuer;
  const activityId = fields.iri('activity-id');
  if (activityId) manifest.activityId = activityId;
  fields.finish();

  if (checkNesting(frontMatter.body, file, frontMatter.bodyLine, problems)) {
    readBody(manifest, frontMatter.body, frontMatter.bodyLine, file, problems);
  }

  if (!manifest.title) {
    problems.error(
      'no-title',
      { file, line: frontMatter.bodyLine },
      'the course has no title: add a heading such as "# Selling Abroad Online" above its description',
    );
  }
  if (!manifest.modules.some((module) => module.links.length > 0)) {
    problems.error(
      'no-lessons',
      { file, line: frontMatter.bodyLine },
      'the course lists no lessons: add a module heading "## …" followed by a list of links such as ' +
        '"- [Why sell abroad online](lessons/why.md)"',
    );
  }
  return manifest;
}

function readBody(manifest: Manifest, body: string, bodyLine: number, file: string, problems: ProblemList) {
  const description: string[] = [];
  let module: ManifestModule | undefined;
  const moduleText = new Map<ManifestModule, string[]>();
  const seen = new Map<string, number>();

  for (const [token, line] of tokensWithLines(markdown.lexer(body), bodyLine)) {
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      if (heading.depth === 1 && !manifest.title && !module && description.length === 0) {
        manifest.title = heading.text;
        continue;
      }
      if (heading.depth === 2) {
        module = { title: heading.text, links: [] };
        manifest.modules.push(module);
        moduleText.set(module, []);
        continue;
      }
    }
    if (!module) {
      description.push(token.raw);
      continue;
    }
    const text = moduleText.get(module)!;
    if (token.type !== 'list') {
      text.push(token.raw);
      continue;
    }
    const list = token as Tokens.List;
    const lines = listItemLines(list, line);
    list.items.forEach((item, i) => {
      const link = lessonLink(item);
      if (!link) {
        text.push(item.raw);
        return;
      }
      const at = { file, line: lines[i]!, column: item.raw.indexOf('[') + 1 };
      const first = seen.get(link.href);
      if (first !== undefined) {
        problems.error('duplicate-lesson-link', at, `"${link.href}" is already listed on line ${first}: list each lesson file once`);
        return;
      }
      seen.set(link.href, at.line);
      module!.links.push({ ...link, line: at.line, column: at.column });
    });
  }

  const text = description.join('').trim();
  if (text) manifest.description = text;
  for (const [entry, parts] of moduleText) {
    const joined = parts.join('').trim();
    if (joined) entry.description = joined;
  }
}

/** A list item holding exactly one link (and nothing else) names a lesson. */
function lessonLink(item: Tokens.ListItem): { href: string; title: string } | undefined {
  if (item.task || item.tokens.length !== 1) return undefined;
  const [text] = item.tokens;
  const inline = (text as Tokens.Text).tokens?.filter((t) => !(t.type === 'text' && !t.raw.trim()));
  if (inline?.length !== 1 || inline[0]!.type !== 'link') return undefined;
  const link = inline[0] as Tokens.Link;
  return { href: link.href, title: link.text };
}
