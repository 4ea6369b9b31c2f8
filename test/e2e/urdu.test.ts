/**
 * sabaq's Urdu strings are a file beside `dist/sabaq.js` that only a page showing Urdu fetches. On such a
 * page the learner never sees English first; where that file cannot be fetched, the course is shown in
 * English all the same, a `sabaq-error` says why, and nothing is thrown. (npm test builds dist/ first;
 * run alone, build it with `npx vite build --mode bundle`.)
 */
import { expect } from '@open-wc/testing';
import { ur } from '../../src/i18n/ur.js';
import { freshNamespace, until } from '../components/helpers.js';

type PageWindow = Window & typeof globalThis & { pageErrors: string[]; sabaqErrors: string[]; shownTexts: string[] };

/** An Urdu course whose one Latin word is in its title. */
const COURSE = new URL('../fixtures/courses/long-title-ur/course.json', import.meta.url).href;
const LATIN_TITLE_WORD = 'Exportdocumentationandcustomsclearanceproceduresforfirsttimeexporters';

/** This server under another host name: a different origin. */
function otherOrigin(): string {
  const other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return `${location.protocol}//${other}:${location.port}`;
}

describe('a page in Urdu with dist/sabaq.js', function () {
  this.timeout(30000);
  let frame: HTMLIFrameElement;

  /**
   * Loads the page with sabaq from `folder` (and the course, the elements' own lang and the lesson to
   * open, in `page`); resolves once the player shows its start page or the lesson.
   */
  async function open(folder: string, page: { src?: string; lang?: string; lesson?: string } = {}): Promise<PageWindow> {
    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 1000px; height: 800px';
    document.body.append(frame);
    const query = new URLSearchParams({
      sabaq: folder,
      src: page.src ?? COURSE,
      namespace: freshNamespace(),
      ...(page.lang ? { lang: page.lang } : {}),
    });
    const hash = page.lesson ? `#sabaq-lesson=${page.lesson}` : '';
    frame.src = `${new URL('urdu.html', import.meta.url).href}?${query}${hash}`;
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    await until(() => shadow('sabaq-course-player')?.querySelector('.start .button, .lesson-title'), 'the player did not appear', 20000);
    return frame.contentWindow as PageWindow;
  }

  const shadow = (selector: string) => frame.contentDocument!.querySelector(selector)?.shadowRoot;

  afterEach(() => frame.remove());

  for (const [where, folder] of [
    ['at a sub-path of the same origin', () => `${location.origin}/__sabaq__/vendor/sabaq/`],
    ['on another origin', () => `${otherOrigin()}/__sabaq__/vendor/sabaq/`],
  ] as const) {
    it(`shows Urdu from the first screen, never English, fetching the Urdu file beside sabaq.js ${where}`, async () => {
      const base = folder();
      const win = await open(base);
      await until(() => shadow('sabaq-certificate')?.textContent?.includes(ur.stillMissing), 'the certificate did not appear');
      expect(shadow('sabaq-course-player')!.querySelector('.start .button')!.textContent!.trim()).to.equal(ur.start);
      expect(shadow('sabaq-progress-tracker')!.textContent).to.contain(ur.lessonsDone(0, 2));
      const english = win.shownTexts.map((text) => text.replaceAll(LATIN_TITLE_WORD, '')).filter((text) => /[A-Za-z]/.test(text));
      expect(english, 'texts with Latin letters the page showed').to.deep.equal([]);

      const scripts = win.performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => /\/sabaq[\w.-]*\.js$/.test(name));
      expect(scripts.some((name) => name.startsWith(`${base}sabaq-ur-`))).to.equal(true, scripts.join(', '));
      expect(win.pageErrors).to.deep.equal([]);
      expect(win.sabaqErrors).to.deep.equal([]);
    });
  }

  it("labels a lesson's note in the course's language (Urdu) in a player whose own lang is English", async () => {
    // lang="en" on every element: nothing asks for the Urdu strings but the course, once it has arrived.
    const course = new URL('../fixtures/courses/note-ur/course.json', import.meta.url).href;
    const win = await open(`${location.origin}/__sabaq__/vendor/sabaq/`, { src: course, lang: 'en', lesson: 'welcome' });
    const player = shadow('sabaq-course-player')!;
    expect(player.querySelector('.admonition-title')!.textContent).to.equal(ur.note);
    expect(player.querySelector('.lesson-nav')!.textContent, 'the player itself in English').to.contain('Finish');
    expect(win.pageErrors).to.deep.equal([]);
  });

  it('shows the course in English when the Urdu file cannot be fetched, says why, and throws nothing', async () => {
    const win = await open(`${location.origin}/__sabaq__/vendor-without-ur/sabaq/`);
    expect(shadow('sabaq-course-player')!.querySelector('.start .button')!.textContent!.trim()).to.equal('Start the course');
    await until(() => shadow('sabaq-certificate')?.textContent?.includes('To earn your certificate:'), 'the certificate did not appear');
    expect(shadow('sabaq-progress-tracker')!.textContent).to.contain('0 of 2 lessons complete');
    // Right to left all the same: the direction is the language's, not its strings'.
    expect(shadow('sabaq-course-player')!.querySelector('[dir]')!.getAttribute('dir')).to.equal('rtl');
    expect(win.sabaqErrors.length).to.be.greaterThan(0);
    for (const message of win.sabaqErrors) expect(message).to.match(/^sabaq's "ur" strings could not be loaded .*: shown in English\.$/);
    // The learner reads on.
    shadow('sabaq-course-player')!.querySelector<HTMLButtonElement>('.start .button')!.click();
    await until(() => shadow('sabaq-course-player')?.querySelector('.lesson-title'), 'the first lesson did not open');
    expect(win.pageErrors).to.deep.equal([]);
  });
});
