/**
 * A small localisation controller of our own: each element resolves its language itself (SPEC §3: the
 * element's `lang`, else the course's, else the nearest ancestor's, else `en`), so two widgets in
 * different languages can share a page. Languages are registered in one table shared by all elements.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { importOnce } from '../lib/import-once.js';
import { type TermKey, type Translation, en } from './en.js';

const translations = new Map<string, Translation>([['en', en]]);

/** The languages sabaq ships besides English, each in a file of its own that only a page showing it fetches. */
const BUILT_IN: Record<string, { load(): Promise<Translation> }> = {
  ur: importOnce(async () => (await import('./ur.js')).ur),
};

/** Built-in languages whose file could not be fetched: English stands in, without waiting for them again. */
const unreachable = new Set<string>();

/** Languages written right to left (SPEC §2.1), whether or not sabaq has their strings. */
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ps', 'sd', 'ur']);

const hosts = new Set<LocalizeController>();

/** Adds or replaces a language. Missing strings fall back to English. */
export function registerTranslation(lang: string, strings: Partial<Translation>): void {
  const code = lang.toLowerCase();
  const dir = strings.$dir ?? (RIGHT_TO_LEFT.has(primary(code)) ? 'rtl' : 'ltr');
  translations.set(code, { ...en, ...strings, $dir: dir });
  hosts.forEach((controller) => controller.host.requestUpdate());
}

/** The strings of `lang`, or of its primary language, or English. */
export function translationFor(lang: string): Translation {
  const code = lang.toLowerCase();
  return translations.get(code) ?? translations.get(primary(code)) ?? en;
}

/**
 * Fetches the strings of `lang` when sabaq has them in a file not loaded yet (and no page script
 * registered that language). Undefined when there is nothing to wait for: the strings are here, sabaq
 * has none for `lang`, or their file could not be fetched (English stands in for the page's life).
 */
export function fetchTranslation(lang: string): Promise<void> | undefined {
  const code = primary(lang.toLowerCase());
  const file = BUILT_IN[code];
  if (!file || unreachable.has(code) || translations.has(code) || translations.has(lang.toLowerCase())) return undefined;
  return file.load().then(
    (strings) => {
      if (!translations.has(code)) translations.set(code, strings);
    },
    (error: unknown) => {
      unreachable.add(code);
      throw new Error(`sabaq's "${code}" strings could not be loaded (${String(error)})`);
    },
  );
}

function primary(lang: string): string {
  return lang.split('-')[0]!;
}

// A page that switches its language by setting <html lang> updates every element.
let documentObserver: MutationObserver | undefined;
function observeDocumentLanguage(): void {
  if (documentObserver || typeof MutationObserver === 'undefined') return;
  documentObserver = new MutationObserver(() => hosts.forEach((controller) => controller.host.requestUpdate()));
  documentObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'] });
}

export interface LocalizeHost extends ReactiveControllerHost, HTMLElement {
  /** The course's `lang`, when the element shows a course. */
  readonly contentLang?: string | undefined;
}

export class LocalizeController implements ReactiveController {
  constructor(readonly host: LocalizeHost) {
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this);
    observeDocumentLanguage();
  }

  hostDisconnected(): void {
    hosts.delete(this);
  }

  /** The language as last resolved: once per update of the host, not on every `term()`. */
  private resolved: { lang: string; strings: Translation } | undefined;

  /**
   * Resolves the language afresh (the element's `lang`, the course's, the nearest ancestor's: SPEC §3).
   * The host calls it as each update begins; until then the last one holds, as shown on screen. While
   * the strings of that language or of the content's (a course's admonition labels) are being fetched,
   * returns the fetch, for the host to wait for and resolve again.
   */
  resolve(): Promise<unknown> | undefined {
    this.resolved = this.resolution();
    const fetching = [this.resolved.lang, this.host.contentLang ?? 'en']
      .map((lang) => fetchTranslation(lang))
      .filter((fetch) => fetch !== undefined);
    return fetching.length ? Promise.all(fetching) : undefined;
  }

  /** The resolved language tag, lowercase. */
  get lang(): string {
    return this.current.lang;
  }

  get dir(): 'ltr' | 'rtl' {
    return this.strings.$dir === 'rtl' || RIGHT_TO_LEFT.has(primary(this.lang)) ? 'rtl' : 'ltr';
  }

  private get strings(): Translation {
    return this.current.strings;
  }

  private get current(): { lang: string; strings: Translation } {
    return (this.resolved ??= this.resolution());
  }

  private resolution(): { lang: string; strings: Translation } {
    const lang = (this.host.lang || this.host.contentLang || closestLang(this.host) || 'en').toLowerCase();
    return { lang, strings: translationFor(lang) };
  }

  term<K extends TermKey>(key: K, ...args: Translation[K] extends (...a: infer A) => string ? A : []): string {
    const value = this.strings[key] as string | ((...a: unknown[]) => string);
    return typeof value === 'function' ? value(...args) : value;
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(this.lang, options).format(value);
  }

  percent(value: number): string {
    return this.number(value / 100, { style: 'percent', maximumFractionDigits: 1 });
  }

  date(value: number | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
    return new Intl.DateTimeFormat(this.lang, options).format(value);
  }

  /** A list of names joined as the language does: "A, B and C". */
  list(items: string[]): string {
    return new Intl.ListFormat(this.lang, { type: 'conjunction' }).format(items);
  }
}

/** The nearest ancestor's `lang`, crossing shadow roots. */
function closestLang(element: Element): string | undefined {
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') || undefined;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return undefined;
}
