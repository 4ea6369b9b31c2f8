/**
 * What the accessibility tests of every element share: each element's states, checked with axe in
 * English and in Urdu, a request that never answers (the loading state), and the states every course
 * element shows before its course.
 */
import { expect } from '@open-wc/testing';
import { en } from '../../src/i18n/en.js';
import { ur } from '../../src/i18n/ur.js';
import { button, shadowElement } from './helpers.js';

export const LANGUAGES = ['en', 'ur'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The UI strings of `lang`: the names of the buttons a test presses. */
export const termsOf = (lang: Language) => ({ en, ur })[lang];

/** Shows the element in one state, in `lang`, and resolves once the learner would see that state. */
export type ShowState = (lang: Language) => Promise<Element>;

/**
 * One test per state and language: the element shows the state in that language (its content says
 * so in `lang`, right to left in Urdu), and axe finds no violation in it.
 */
export function checkStates(states: Record<string, ShowState>): void {
  for (const lang of LANGUAGES) {
    describe(lang === 'en' ? 'in English' : 'in Urdu', () => {
      for (const [name, show] of Object.entries(states)) {
        it(name, async () => {
          const element = await show(lang);
          // The outermost element of the content carries the resolved language and direction.
          const content = element.shadowRoot!.querySelector('[lang]')!;
          expect(content.getAttribute('lang'), 'the language of the content').to.equal(lang);
          expect(content.getAttribute('dir'), 'the direction of the content').to.equal(lang === 'ur' ? 'rtl' : 'ltr');
          await expect(element).to.be.accessible();
        });
      }
    });
  }
}

/**
 * Requests for URLs holding `marker` stay unanswered until the returned function is called (or their
 * own timeout aborts them), as on a stalled connection: the element stays in its loading state.
 * Everything else goes to the network as usual.
 */
export function holdRequests(marker: string): () => void {
  const original = window.fetch;
  window.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.includes(marker)) return original(input, init);
    return new Promise((_, reject) => {
      const signal = init?.signal;
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  };
  return () => {
    window.fetch = original;
  };
}

/** The button in the element's shadow root named `name`, or undefined while there is none. */
export function findButton(host: Element, name: string): HTMLButtonElement | undefined {
  return [...host.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find(
    (candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent ?? '').trim() === name,
  );
}

const course = (name: string) => new URL(`../fixtures/courses/${name}/course.md`, import.meta.url).href;

/**
 * The states the player, the tracker and the certificate show instead of their course (one rendering,
 * src/internal/course-states.ts): no `src`, loading, a course not found with Retry, and a manifest too
 * broken to show with its errors. `open` shows the element in `lang` on `src`. Called inside the
 * element's describe: the loading state's request is let go after each test.
 */
export function beforeTheCourse(open: (lang: Language, src: string) => Promise<Element>): Record<string, ShowState> {
  let release: (() => void) | undefined;
  afterEach(() => release?.());
  const shows = async (lang: Language, src: string, selector: string) => {
    const element = await open(lang, src);
    await shadowElement(element, selector);
    return element;
  };
  return {
    'no course set': (lang) => shows(lang, '', '.notice'),

    'loading the course': (lang) => {
      release = holdRequests('held-course');
      return shows(lang, `${course('academy')}?held-course`, '.notice[role=status]');
    },

    'the course cannot be found, with Retry': async (lang) => {
      const element = await shows(lang, course('nowhere'), '[role=alert] button');
      button(element, termsOf(lang).retry);
      return element;
    },

    'a manifest too broken to show, with its errors': (lang) =>
      shows(lang, URL.createObjectURL(new Blob(['# No id here\n\nNo lessons either.\n'])), '[role=alert] .problems'),
  };
}
