/**
 * SPEC §2.2 in a real browser. Each hostile payload (xss-corpus.ts) is rendered as sabaq renders author
 * text (Markdown as a block and inline, the payload as raw HTML through `sanitizeHtml`, lessons through
 * `renderLesson` and their quizzes' text), inserted into a live document, in the light DOM and in a
 * shadow root, in the way that would run scripts, and left to load. Each is also given as the HTML a
 * prebuilt course file carries for a text (marked's output and the raw payload; a lesson block's in its
 * place, since format 3), sanitised the same way,
 * and through each sanitiser by name: DOMPurify, and the HTML Sanitizer API where the browser has it. It is then proved inert twice over:
 * the sentinel every payload calls stays uncalled, and the DOM holds nothing that could run, load a
 * document or page, or restyle the host. Control tests show the same harness catching marked's
 * unsanitised output; the last blocks check that ordinary lesson Markdown survives sanitising.
 */
import { expect } from '@open-wc/testing';
import { parseLesson } from '../../../src/lib/course/lesson.js';
import { MAX_NESTING, markdown } from '../../../src/lib/markdown.js';
import { ProblemList } from '../../../src/lib/problems.js';
import { hasBuiltInSanitizer, sanitizeWithBuiltIn } from '../../../src/lib/render/builtin-sanitizer.js';
import { sanitizeWithDomPurify } from '../../../src/lib/render/dompurify-sanitizer.js';
import { addPrerendered } from '../../../src/lib/render/prerendered.js';
import { renderInline, renderLesson, renderMarkdown, sanitizeHtml } from '../../../src/lib/render/render.js';
import type { Lesson, LessonBlock } from '../../../src/lib/types.js';
import { SENTINEL, XSS_CORPUS, type XssPayload } from './xss-corpus.js';

/** A lesson on the test server's own origin, so that resolved images fail fast (404) and fire `error`. */
const LESSON_URL = new URL('/course/lessons/why.md', location.href).href;

// --- rendering --------------------------------------------------------------------------------------

interface Renderer {
  block(source: string): string;
  inline(source: string): string;
  /** The payload taken as HTML, as `sanitizeHtml` (public API) may be given it. */
  html(source: string): string;
}

const sanitised: Renderer = {
  block: (source) => renderMarkdown(source, { baseUrl: LESSON_URL }),
  inline: (source) => renderInline(source, { baseUrl: LESSON_URL }),
  html: (source) => sanitizeHtml(source, { baseUrl: LESSON_URL }),
};

/**
 * The same text in a prebuilt course (SPEC §2.6): its HTML comes from the course file, where anyone who
 * can edit the file can write any HTML. Here the file gives, for a text, marked's output of the payload
 * followed by the payload itself as HTML; the renderer must sanitise that as it sanitises marked's.
 */
let prebuiltTexts = 0;
function fromCourseFile(kind: 'markdown' | 'inline', source: string, render: (text: string) => string): string {
  const text = `prebuilt text ${++prebuiltTexts}`;
  const html = (kind === 'inline' ? markdown.parseInline(source, { async: false }) : markdown.parse(source, { async: false })) + source;
  addPrerendered({ markdown: {}, inline: {}, [kind]: { [text]: html } });
  return render(text);
}

const prebuilt: Renderer = {
  block: (source) => fromCourseFile('markdown', source, (text) => renderMarkdown(text, { baseUrl: LESSON_URL })),
  inline: (source) => fromCourseFile('inline', source, (text) => renderInline(text, { baseUrl: LESSON_URL })),
  html: (source) => fromCourseFile('markdown', source, (text) => renderMarkdown(text, { baseUrl: LESSON_URL })),
};

/**
 * Since format 3 a course file carries a lesson block's HTML in place of its Markdown, shown through
 * `renderLesson` (the player's renderer sanitises it the same way); quiz texts stay in the table above.
 */
const prebuiltInPlace: Renderer = {
  block: (source) => lessonWithHtml(markdown.parse(source, { async: false }) + source),
  inline: (source) => prebuilt.inline(source),
  html: (source) => lessonWithHtml(source),
};

function lessonWithHtml(html: string): string {
  return renderLesson({ ...parse(''), blocks: [{ type: 'html', html, line: 1 }] });
}

/**
 * The same through each sanitiser by name, whichever `sanitizeHtml` picks in this browser: DOMPurify
 * everywhere, the HTML Sanitizer API where the browser has one (`sanitizeHtml` then prefers it).
 */
const through = (sanitize: (html: string, base: string) => string): Renderer => ({
  block: (source) => sanitize(markdown.parse(source, { async: false }), LESSON_URL),
  inline: (source) => sanitize(markdown.parseInline(source, { async: false }), LESSON_URL),
  html: (source) => sanitize(source, LESSON_URL),
});
const SANITISERS = [through(sanitizeWithDomPurify), ...(hasBuiltInSanitizer() ? [through(sanitizeWithBuiltIn)] : [])];

/** marked's own output (and the payload itself as HTML), which nothing has cleaned. */
const unsanitised: Renderer = {
  block: (source) => markdown.parse(source, { async: false }),
  inline: (source) => markdown.parseInline(source, { async: false }),
  html: (source) => source,
};

function parse(source: string): Lesson {
  const context = { file: 'lessons/why.md', href: 'lessons/why.md', url: LESSON_URL, linkTitle: 'Why', module: 0 };
  return parseLesson(source, context, new ProblemList()).lesson;
}

/** Author Markdown split the way the elements show it: one-line text inline, the rest as blocks. */
interface Pieces {
  inline: string[];
  blocks: string[];
}

/** A lesson body's Markdown: its blocks and its admonitions' titles. */
function bodyText(blocks: LessonBlock[], pieces: Pieces = { inline: [], blocks: [] }): Pieces {
  for (const block of blocks) {
    if (block.type === 'markdown') pieces.blocks.push(block.markdown);
    if (block.type === 'admonition') {
      if (block.title) pieces.inline.push(block.title);
      bodyText(block.blocks, pieces);
    }
  }
  return pieces;
}

/** A lesson's quizzes' Markdown: questions, options, items and pairs inline; the rest as blocks. */
function quizText(lesson: Lesson): Pieces {
  const inline: string[] = [];
  const blocks: string[] = [];
  for (const quiz of lesson.quizzes) {
    if (quiz.intro) blocks.push(quiz.intro);
    for (const question of quiz.questions) {
      inline.push(question.prompt);
      for (const text of [question.body, question.hint, question.explanation]) if (text) blocks.push(text);
      if (question.kind === 'single' || question.kind === 'multiple') {
        for (const option of question.options) {
          inline.push(option.text);
          if (option.feedback) blocks.push(option.feedback);
        }
      } else if (question.kind === 'ordering') inline.push(...question.items);
      else if (question.kind === 'matching') for (const pair of question.pairs) inline.push(pair.left, pair.right);
      else inline.push(...question.answers);
    }
  }
  return { inline, blocks };
}

const renderPieces = (pieces: Pieces, renderer: Renderer) => [
  ...pieces.inline.map((text) => renderer.inline(text)),
  ...pieces.blocks.map((text) => renderer.block(text)),
];

/**
 * A payload as sabaq renders it, in pieces: Markdown as a block, inline, and taken as raw HTML; a lesson
 * through `renderLesson`, plus its quizzes' text rendered the way the player will. Without sanitising
 * there is no lesson renderer, so the unsanitised version of a lesson is each piece of its Markdown
 * through marked.
 */
function render(payload: XssPayload, renderer: Renderer): string[] {
  const { markdown: source } = payload;
  if (payload.via === 'markdown') return [renderer.block(source), renderer.inline(source), renderer.html(source)];
  const lesson = parse(source);
  const body = renderer === sanitised ? [renderLesson(lesson)] : renderPieces(bodyText(lesson.blocks), renderer);
  return [...body, ...renderPieces(quizText(lesson), renderer)];
}

// --- the page ---------------------------------------------------------------------------------------

/** Calls of `window.__xss(id)` (and of `alert`, `confirm`, `prompt`, recorded as -1). */
class Sentinel {
  readonly hits = new Set<number>();
  private readonly saved = { alert: window.alert, confirm: window.confirm, prompt: window.prompt };

  /** `quietAfter`: for the unsanitised controls, whose payloads may still call the sentinel after the
   * test (WebKit fires a removed image's error event late); a late call must not fail another test. */
  constructor(private readonly quietAfter = false) {}

  install(): void {
    const record = (id: number) => {
      this.hits.add(typeof id === 'number' ? id : -1);
    };
    Object.assign(window, { [SENTINEL]: record, alert: () => record(-1), confirm: () => record(-1), prompt: () => record(-1) });
  }

  restore(): void {
    Object.assign(window, this.saved);
    if (this.quietAfter) Object.assign(window, { [SENTINEL]: () => undefined });
    else delete (window as unknown as Record<string, unknown>)[SENTINEL];
  }

  names(): string[] {
    return [...this.hits].sort((a, b) => a - b).map((id) => (id === -1 ? 'alert/confirm/prompt' : `#${id} ${XSS_CORPUS[id]?.name}`));
  }
}

/** A light-DOM container and a shadow root, both in the live document. */
class Stage {
  readonly light = document.createElement('div');
  private readonly host = document.createElement('div');
  readonly shadow = this.host.attachShadow({ mode: 'open' });

  constructor() {
    document.body.append(this.light, this.host);
  }

  /** Inserts each piece of HTML into a new section of each root, the way that runs scripts (unlike innerHTML). */
  insert(pieces: string[], id: number): [HTMLElement, HTMLElement] {
    return [insertInto(this.light, pieces, id), insertInto(this.shadow, pieces, id)];
  }

  remove(): void {
    this.light.remove();
    this.host.remove();
  }
}

function insertInto(parent: HTMLElement | ShadowRoot, pieces: string[], id: number): HTMLElement {
  const section = document.createElement('section');
  section.dataset.payload = String(id);
  parent.append(section);
  for (const html of pieces) {
    const piece = section.appendChild(document.createElement('div'));
    const range = document.createRange();
    range.selectNodeContents(piece);
    piece.append(range.createContextualFragment(html));
  }
  return section;
}

/** Every element under `root`, including those inside templates and shadow roots. */
function* elementsIn(root: ParentNode): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element instanceof HTMLTemplateElement) yield* elementsIn(element.content);
    if (element.shadowRoot) yield* elementsIn(element.shadowRoot);
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** The next frame; a page in the background (the runner runs two at once) may get none, so 100 ms at most. */
const frame = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => resolve());
    setTimeout(resolve, 100);
  });

/**
 * Lets everything inserted load or fail, so that any surviving `onerror`/`onload` would have fired.
 * Lazy images below the fold would never load, so they are switched to eager first.
 */
async function settle(roots: ParentNode[]): Promise<void> {
  const images = roots
    .flatMap((root) => [...elementsIn(root)])
    .filter((element): element is HTMLImageElement => element instanceof HTMLImageElement && element.isConnected);
  for (const image of images) image.loading = 'eager';
  const done = (image: HTMLImageElement) =>
    image.complete
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          image.addEventListener('load', () => resolve(), { once: true });
          image.addEventListener('error', () => resolve(), { once: true });
        });
  await Promise.race([Promise.all(images.map(done)), delay(3000)]);
  await frame();
  await frame();
  await delay(100);
}

// --- what counts as dangerous -----------------------------------------------------------------------

/** Elements that run script, load another document or page, restyle the host or re-target links. */
const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'portal',
  'form',
  'style',
  'link',
  'base',
  'meta',
  'animate',
  'set', // SVG animation can rewrite an href after sanitising
]);

const URL_ATTRIBUTES = new Set([
  'href',
  'xlink:href',
  'src',
  'action',
  'formaction',
  'poster',
  'background',
  'data',
  'codebase',
  'cite',
  'longdesc',
  'lowsrc',
  'dynsrc',
  'ping',
  'manifest',
  'icon',
]);

/** SVG presentation attributes whose `url(…)` would load from wherever it points. */
const PRESENTATION_URL_ATTRIBUTES = new Set([
  'fill',
  'stroke',
  'mask',
  'clip-path',
  'marker-start',
  'marker-mid',
  'marker-end',
  'filter',
  'cursor',
]);

/** A link that, clicked, would replace the course page with another site's, or hand it `window.opener`. */
function leavesCoursePage(element: Element, rel: string): boolean {
  if (element.localName !== 'a' && element.localName !== 'area') return false;
  const href = element.getAttribute('href') ?? element.getAttribute('xlink:href');
  if (href === null) return false;
  let url: URL;
  try {
    url = new URL(href, location.href);
  } catch {
    return false;
  }
  const external = /^https?:$/.test(url.protocol) && url.origin !== location.origin;
  return external && (element.getAttribute('target') !== '_blank' || !/\bnoopener\b/i.test(rel));
}

/** http(s) and mailto anywhere; `data:` on images only (SPEC §2.2). Unparseable values lead nowhere. */
function isSafeUrl(element: Element, attribute: string, value: string): boolean {
  let url: URL;
  try {
    url = new URL(value, location.href);
  } catch {
    return true;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:') return true;
  return url.protocol === 'data:' && element.localName === 'img' && (attribute === 'src' || attribute === 'srcset');
}

/** The URLs of a `srcset`: its whitespace-separated words less the width/density descriptors. */
function srcsetUrls(value: string): string[] {
  return value
    .split(/\s+/)
    .map((word) => word.replace(/^,+|,+$/g, ''))
    .filter((word) => word && !/^\d+(\.\d+)?[wxh]$/i.test(word));
}

/** Everything under `root` that breaks SPEC §2.2's rules, described for the failure message. */
function dangers(root: ParentNode): string[] {
  const found: string[] = [];
  for (const element of elementsIn(root)) {
    const tag = element.localName.toLowerCase();
    if (FORBIDDEN_ELEMENTS.has(tag)) found.push(`<${tag}> element`);
    for (const { name: rawName, value } of [...element.attributes]) {
      const name = rawName.toLowerCase();
      const described = `<${tag} ${rawName}="${value}">`;
      if (name.startsWith('on')) found.push(`event handler ${described}`);
      else if (name === 'style' || name === 'srcdoc') found.push(`${name} attribute ${described}`);
      else if (URL_ATTRIBUTES.has(name) && !isSafeUrl(element, name, value)) found.push(`URL ${described}`);
      else if (name === 'srcset' && srcsetUrls(value).some((url) => !isSafeUrl(element, name, url))) {
        found.push(`URL ${described}`);
      }
    }
    const rel = element.getAttribute('rel') ?? '';
    for (const name of PRESENTATION_URL_ATTRIBUTES) {
      const value = element.getAttribute(name);
      // Anything but a same-document `url(#id)`, including CSS escapes that spell `url`.
      if (value !== null && /url|\\/i.test(value.replace(/url\(\s*(["']?)#[^"')]*\1\s*\)/gi, ''))) {
        found.push(`outside url() <${tag} ${name}="${value}">`);
      }
    }
    if (leavesCoursePage(element, rel)) found.push(`link without target="_blank" rel="noopener" <${tag} rel="${rel}">`);
    if (element.hasAttribute('target') && !/\bnoopener\b|\bnoreferrer\b/i.test(rel)) {
      found.push(`target without rel=noopener <${tag} target="${element.getAttribute('target')}" rel="${rel}">`);
    }
  }
  return found;
}

// --- the corpus -------------------------------------------------------------------------------------

describe('sanitising hostile Markdown', () => {
  const sentinel = new Sentinel();
  let stage: Stage;
  const sections = new Map<number, [HTMLElement, HTMLElement]>();

  before(async function () {
    this.timeout(20000);
    sentinel.install();
    stage = new Stage();
    for (const payload of XSS_CORPUS) {
      const renderers = [sanitised, prebuilt, prebuiltInPlace, ...SANITISERS];
      sections.set(
        payload.id,
        stage.insert(
          renderers.flatMap((renderer) => render(payload, renderer)),
          payload.id,
        ),
      );
    }
    await settle([stage.light, stage.shadow]);
  });

  after(() => {
    stage.remove();
    sentinel.restore();
  });

  it('has at least 60 payloads, each naming its source', () => {
    expect(XSS_CORPUS.length).to.be.at.least(60);
    const unnamed = XSS_CORPUS.filter((payload) => !payload.name || !payload.source || !payload.markdown);
    expect(unnamed).to.deep.equal([]);
    expect(new Set(XSS_CORPUS.map((payload) => payload.name)).size).to.equal(XSS_CORPUS.length);
  });

  for (const payload of XSS_CORPUS) {
    it(`#${payload.id} ${payload.name}: leaves nothing that could run`, () => {
      const [light, shadow] = sections.get(payload.id)!;
      expect(dangers(light), 'light DOM').to.deep.equal([]);
      expect(dangers(shadow), 'shadow root').to.deep.equal([]);
    });
  }

  // Last, so that anything that fires late has had the whole run to do it.
  it('runs no payload, in the light DOM or in a shadow root', () => {
    expect(sentinel.names()).to.deep.equal([]);
  });
});

// --- controls: the harness does catch what sanitising removes ---------------------------------------

describe('the XSS harness, given marked output that was not sanitised', () => {
  it('flags every payload but the ones marked harmless, and none of those', () => {
    const wrong: string[] = [];
    for (const payload of XSS_CORPUS) {
      // Parsed in a template, where nothing runs or loads. Chromium and WebKit parse template contents
      // with scripting off, which hides what <noscript> tricks do to a live page: the live payloads are
      // run by the next test instead.
      const flagged = render(payload, unsanitised).some((html) => {
        const template = document.createElement('template');
        template.innerHTML = html;
        return dangers(template.content).length > 0;
      });
      if ((flagged || payload.live) && payload.harmlessUnsanitised)
        wrong.push(`#${payload.id} ${payload.name}: flagged, yet marked harmless`);
      if (!flagged && !payload.live && !payload.harmlessUnsanitised) wrong.push(`#${payload.id} ${payload.name}: not flagged`);
    }
    expect(wrong).to.deep.equal([]);
  });

  it('sees the live payloads run', async function () {
    this.timeout(10000);
    const live = XSS_CORPUS.filter((payload) => payload.live);
    expect(live.length).to.be.at.least(10);
    const sentinel = new Sentinel(true);
    sentinel.install();
    const stage = new Stage();
    try {
      for (const payload of live) stage.insert(render(payload, unsanitised), payload.id);
      await settle([stage.light, stage.shadow]);
      const silent = live.filter((payload) => !sentinel.hits.has(payload.id)).map((payload) => `#${payload.id} ${payload.name}`);
      expect(silent).to.deep.equal([]);
    } finally {
      stage.remove();
      sentinel.restore();
    }
  });

  it('sees a javascript: link run when it is clicked', async () => {
    const sentinel = new Sentinel(true);
    sentinel.install();
    const stage = new Stage();
    try {
      const [section] = stage.insert([unsanitised.block(`[click](javascript:${SENTINEL}(7))`)], 0);
      const link = section.querySelector('a')!;
      expect(dangers(section)).to.have.length(1);
      link.click();
      for (let i = 0; i < 20 && !sentinel.hits.has(7); i++) await delay(25);
      expect([...sentinel.hits]).to.deep.equal([7]);
    } finally {
      stage.remove();
      sentinel.restore();
    }
  });
});

// --- what authors write survives --------------------------------------------------------------------

function fragment(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((el) => el.textContent?.trim());

describe('renderMarkdown keeps what authors write', () => {
  const render = (source: string) => fragment(renderMarkdown(source, { baseUrl: LESSON_URL }));

  it('keeps tables', () => {
    const html = render('| Term | Meaning |\n|---|:-:|\n| FOB | Free On Board |');
    expect(texts(html, 'table thead th')).to.deep.equal(['Term', 'Meaning']);
    expect(texts(html, 'table tbody td')).to.deep.equal(['FOB', 'Free On Board']);
  });

  it('keeps task lists as disabled checkboxes', () => {
    const boxes = [...render('- [x] Invoice\n- [ ] Tax return').querySelectorAll('li input')] as HTMLInputElement[];
    expect(boxes.map((box) => [box.type, box.checked, box.disabled])).to.deep.equal([
      ['checkbox', true, true],
      ['checkbox', false, true],
    ]);
  });

  it('shows a script in a code block as text', () => {
    const html = render('```html\n<script>alert(1)</script>\n```\n\nInline `<img src=x onerror=alert(1)>` too.');
    expect(html.querySelector('pre code')!.textContent).to.equal('<script>alert(1)</script>\n');
    expect(html.querySelector('p code')!.textContent).to.equal('<img src=x onerror=alert(1)>');
    expect(html.querySelectorAll('script, img')).to.have.length(0);
  });

  it('keeps data:image/png images, and loads images lazily', () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
    const image = render(`![A dot](${png} "Dot")`).querySelector('img')!;
    expect(image.getAttribute('src')).to.equal(png);
    expect([image.alt, image.title, image.getAttribute('loading')]).to.deep.equal(['A dot', 'Dot', 'lazy']);
  });

  it('resolves relative links and images against the lesson URL', () => {
    const html = render('[Next](next.md#top) ![Map](img/map.png) [Up](../index.md)');
    const links = [...html.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      new URL('next.md#top', LESSON_URL).href,
      new URL('../index.md', LESSON_URL).href,
    ]);
    // Same origin as the lesson: no new tab, no nofollow.
    expect(links.map((a) => [a.getAttribute('rel'), a.hasAttribute('target')])).to.deep.equal([
      ['noopener', false],
      ['noopener', false],
    ]);
    expect(html.querySelector('img')!.getAttribute('src')).to.equal(new URL('img/map.png', LESSON_URL).href);
  });

  it('resolves against a lesson on another origin and treats that origin as its own', () => {
    const html = fragment(renderMarkdown('[Next](next.md) ![Map](map.png)', { baseUrl: 'https://courses.example/c/lessons/a.md' }));
    const link = html.querySelector('a')!;
    expect([link.getAttribute('href'), link.getAttribute('rel'), link.hasAttribute('target')]).to.deep.equal([
      'https://courses.example/c/lessons/next.md',
      'noopener',
      false,
    ]);
    expect(html.querySelector('img')!.getAttribute('src')).to.equal('https://courses.example/c/lessons/map.png');
  });

  it('opens external links in a new tab with rel="noopener noreferrer nofollow"', () => {
    const html = render('[WTO](https://www.wto.org/) and www.example.org and <http://example.com/x>');
    const links = [...html.querySelectorAll('a')];
    expect(links.map((a) => [a.getAttribute('href'), a.getAttribute('rel'), a.getAttribute('target')])).to.deep.equal([
      ['https://www.wto.org/', 'noopener noreferrer nofollow', '_blank'],
      ['http://www.example.org/', 'noopener noreferrer nofollow', '_blank'],
      ['http://example.com/x', 'noopener noreferrer nofollow', '_blank'],
    ]);
  });

  it("replaces an author's own target and rel", () => {
    const html = render('<a href="https://example.org/" target="_self" rel="opener">x</a> <a href="next.md" target="_blank">y</a>');
    const links = [...html.querySelectorAll('a')];
    expect(links.map((a) => [a.getAttribute('rel'), a.getAttribute('target')])).to.deep.equal([
      ['noopener noreferrer nofollow', '_blank'],
      ['noopener', null],
    ]);
  });

  it('leaves #anchor links as they are', () => {
    const link = render('[See below](#details)').querySelector('a')!;
    expect([link.getAttribute('href'), link.hasAttribute('target')]).to.deep.equal(['#details', false]);
  });

  it('keeps mailto: links, in the same tab', () => {
    const link = render('[Write to us](mailto:team@example.org?subject=Hi) or <team@example.org>').querySelectorAll('a');
    expect([...link].map((a) => [a.getAttribute('href'), a.hasAttribute('target')])).to.deep.equal([
      ['mailto:team@example.org?subject=Hi', false],
      ['mailto:team@example.org', false],
    ]);
  });

  it('drops srcset, whose candidates it cannot check or resolve one by one, and keeps src', () => {
    const image = render('<img src="img/a.png" srcset="img/a-2x.png 2x" alt="A">').querySelector('img')!;
    expect([image.getAttribute('src'), image.hasAttribute('srcset')]).to.deep.equal([new URL('img/a.png', LESSON_URL).href, false]);
  });

  it('drops links to other schemes', () => {
    const html = render('[call](tel:+441234) [files](ftp://example.org/) [app](myapp://open) <a href="sms:1">text</a>');
    expect([...html.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([null, null, null, null]);
  });

  it('keeps harmless raw HTML and drops only what is dangerous', () => {
    const html = render('<details><summary>More</summary>Press <kbd>Ctrl</kbd>.</details>\n\n<p style="color:red" class="note">Hi</p>');
    expect(html.querySelector('details summary')!.textContent).to.equal('More');
    expect(html.querySelector('kbd')!.textContent).to.equal('Ctrl');
    const p = html.querySelector('p.note')!;
    expect([p.textContent, p.hasAttribute('style')]).to.deep.equal(['Hi', false]);
  });
});

describe('renderMarkdown treats every link and load the same way', () => {
  const render = (source: string) => fragment(renderMarkdown(source, { baseUrl: LESSON_URL }));
  const linkAttributes = (element: Element) => [element.getAttribute('target'), element.getAttribute('rel')];

  it('opens SVG links to other sites in a new tab with rel="noopener noreferrer nofollow", as HTML links', () => {
    const html = render(
      '<svg xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="https://example.org/x"><text>One</text></a>' +
        '<a href="https://example.org/y"><text>Two</text></a><a href="next.md"><text>Three</text></a></svg>',
    );
    const links = [...html.querySelectorAll('svg a')];
    expect(links.map(linkAttributes)).to.deep.equal([
      ['_blank', 'noopener noreferrer nofollow'],
      ['_blank', 'noopener noreferrer nofollow'],
      [null, 'noopener'],
    ]);
  });

  it('opens image-map areas to other sites in a new tab', () => {
    const html = render('<map name="m"><area shape="rect" coords="0,0,9,9" href="https://example.org/x" alt="X"></map>');
    expect(linkAttributes(html.querySelector('area')!)).to.deep.equal(['_blank', 'noopener noreferrer nofollow']);
  });

  it('keeps same-document url(#id) in SVG presentation attributes and drops every other url()', () => {
    const html = render(
      '<svg><defs><linearGradient id="g"></linearGradient></defs>' +
        '<rect id="kept" fill="url(#g)" stroke="url(\'#g\') red" marker-end="url(#m)" clip-path="url( #c )" filter="none"/>' +
        '<rect id="dropped" fill="url(https://example.org/a.svg#g)" stroke="url(//example.org/b#g)" mask="url(https://example.org/m)" ' +
        'clip-path="url(x.svg#c)" marker-start="url(https://example.org/s)" marker-mid="url(https://example.org/t)" ' +
        'marker-end="url(https://example.org/e)" filter="\\75rl(https://example.org/f)"/></svg>',
    );
    const attributes = (id: string) =>
      Object.fromEntries([...html.querySelector(`#${id}`)!.attributes].filter((a) => a.name !== 'id').map((a) => [a.name, a.value]));
    expect(attributes('kept')).to.deep.equal({
      fill: 'url(#g)',
      stroke: "url('#g') red",
      'marker-end': 'url(#m)',
      'clip-path': 'url( #c )',
      filter: 'none',
    });
    expect(attributes('dropped')).to.deep.equal({});
  });

  it('keeps the rest of a lesson after an unclosed <form> whose field clobbers the DOM', () => {
    const html = fragment(renderLesson(parse('Para one.\n\n<form><input name="attributes">\n\nPara two.\n')));
    expect(texts(html, 'p')).to.deep.equal(['Para one.', 'Para two.']);
    expect(html.querySelectorAll('form')).to.have.length(0);
    expect(html.querySelector('input')?.getAttribute('name') ?? null).to.equal(null);
  });
});

describe('rendering Markdown nested deep', () => {
  it('renders a lesson nested as deep as a lesson may be', () => {
    const quotes = `${'> '.repeat(MAX_NESTING)}Deep quote.`;
    const list = Array.from({ length: MAX_NESTING }, (_, level) => `${'  '.repeat(level)}- Level ${level + 1}`).join('\n');
    const lesson = parse(`${quotes}\n\n${list}\n`);
    expect(lesson.blocks).to.have.length(1);
    const html = fragment(renderLesson(lesson));
    expect(html.querySelectorAll('blockquote')).to.have.length(MAX_NESTING);
    expect(html.querySelectorAll('li')).to.have.length(MAX_NESTING);
  });
});

describe('renderInline and sanitizeHtml', () => {
  it('renderInline renders one line without a paragraph', () => {
    const html = renderInline('**Bold** and [a link](https://example.org/)');
    expect(html).to.match(/^<strong>Bold<\/strong> and <a /);
    expect(fragment(html).querySelector('a')!.getAttribute('target')).to.equal('_blank');
  });

  it('sanitizeHtml cleans HTML that did not come from Markdown', () => {
    const html = fragment(sanitizeHtml('<b onclick="x()">ok</b><style>*{}</style><a href="javascript:x()">y</a>'));
    expect(dangers(html)).to.deep.equal([]);
    expect(texts(html, 'b, a')).to.deep.equal(['ok', 'y']);
  });
});

describe('renderLesson', () => {
  const source = `# Why

:::tip Start *small*
List five [products](products.md).
:::

:::warning
Check the rules.

\`\`\`quiz
---
id: incoterms-check
---
### Under FOB, who pays?
1. [ ] The seller
1. [x] The buyer
\`\`\`
:::

\`\`\`quiz
### How many days?
= 30
\`\`\`
`;

  it('renders admonitions as labelled callouts with sanitised titles', () => {
    const html = fragment(renderLesson(parse(source)));
    const [tip, warning] = [...html.querySelectorAll('aside')];
    expect([tip!.className, tip!.getAttribute('role')]).to.deep.equal(['admonition admonition-tip', 'note']);
    expect(tip!.querySelector('p.admonition-title')!.innerHTML).to.equal('Start <em>small</em>');
    expect(tip!.querySelector('a')!.getAttribute('href')).to.equal(new URL('products.md', LESSON_URL).href);
    expect(warning!.className).to.equal('admonition admonition-warning');
    expect(warning!.querySelector('p.admonition-title')!.textContent).to.equal('Warning');
  });

  it('leaves an empty slot for each quiz, where it stands', () => {
    const html = fragment(renderLesson(parse(source)));
    const slots = [...html.querySelectorAll('div.sabaq-quiz-slot')];
    expect(slots.map((slot) => [slot.getAttribute('data-quiz-id'), slot.childNodes.length])).to.deep.equal([
      ['incoterms-check', 0],
      ['why-2', 0],
    ]);
    expect(slots[0]!.closest('aside')!.classList.contains('admonition-warning')).to.equal(true);
    expect(slots[1]!.closest('aside')).to.equal(null);
    expect(html.textContent).not.to.contain('Under FOB');
  });

  it('uses the labels it is given, as text', () => {
    const labels = { note: 'Nota', tip: 'Consejo', warning: '<b>Atención</b>', danger: 'Peligro' };
    const title = fragment(renderLesson(parse(source), labels)).querySelectorAll('p.admonition-title')[1]!;
    expect([title.textContent, title.children.length]).to.deep.equal(['<b>Atención</b>', 0]);
  });
});

describe('both sanitisers give the same guarantees', () => {
  it('keep no custom element, no ping and no data: URL outside an image', () => {
    const payload =
      '<sabaq-quiz src="https://elsewhere.example/quiz.md">Quiz</sabaq-quiz>' +
      '<video poster="data:image/svg+xml,x" background="data:text/html,x"></video>' +
      '<a href="https://elsewhere.example/" ping="https://tracker.example/">Link</a>';
    for (const sanitiser of SANITISERS) {
      const html = fragment(sanitiser.html(payload));
      expect(html.querySelector('sabaq-quiz'), 'a live sabaq element from the lesson').to.equal(null);
      expect(html.textContent).to.contain('Quiz');
      for (const element of html.querySelectorAll('*')) {
        expect(element.hasAttribute('ping'), `ping on <${element.localName}>`).to.equal(false);
        for (const attribute of element.attributes)
          expect(attribute.value, `${attribute.name} on <${element.localName}>`).not.to.match(/^data:/);
      }
    }
  });
});
