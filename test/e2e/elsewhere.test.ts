/**
 * A partner copies the built `dist/` folder anywhere: `dist/sabaq.js` finds the files it loads lazily
 * (the Markdown pipeline) beside itself, at a sub-path of the site or on another origin (a CDN).
 * npm test builds dist/ first; run alone, build it with `npx vite build --mode bundle`.
 */
import { expect } from '@open-wc/testing';
import { freshNamespace, until } from '../components/helpers.js';

/** Where the test server serves a copy of dist/ (scripts/wtr/commands.mjs). */
const VENDOR_PATH = '/__sabaq__/vendor/sabaq/';

/** This server under another host name: a different origin. */
function otherOrigin(): string {
  const other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return `${location.protocol}//${other}:${location.port}`;
}

describe('a page loading dist/sabaq.js from a folder of its own', function () {
  this.timeout(30000);
  let frame: HTMLIFrameElement;

  beforeEach(() => {
    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 1000px; height: 800px';
    document.body.append(frame);
  });

  afterEach(() => frame.remove());

  for (const [where, folder] of [
    ['at a sub-path of the same origin', () => `${location.origin}${VENDOR_PATH}`],
    ['on another origin', () => `${otherOrigin()}${VENDOR_PATH}`],
  ] as const) {
    it(`fetches its lazy files beside it and works, ${where}`, async () => {
      const base = folder();
      frame.src = `${new URL('elsewhere.html', import.meta.url).href}?sabaq=${encodeURIComponent(base)}&namespace=${freshNamespace()}`;
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const win = frame.contentWindow as Window & typeof globalThis & { pageErrors: string[]; sabaqErrors: string[] };
      const shadow = (selector: string) => frame.contentDocument!.querySelector(selector)?.shadowRoot;

      // The quiz reads its inline Markdown; the player reads a Markdown course and shows its start page.
      await until(() => shadow('sabaq-quiz')?.querySelector('.question input'), 'the quiz did not appear', 20000);
      await until(() => shadow('sabaq-course-player')?.querySelector('.start .button'), 'the player did not appear', 20000);
      expect(shadow('sabaq-quiz')!.textContent).to.contain('How many digits');

      const scripts = win.performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => /\/sabaq[\w.-]*\.js$/.test(name));
      expect(scripts.some((name) => name.startsWith(`${base}sabaq-markdown-pipeline-`))).to.equal(true, scripts.join(', '));
      expect(
        scripts.every((name) => name.startsWith(base)),
        `every script from ${base}: ${scripts.join(', ')}`,
      ).to.equal(true);
      expect(win.pageErrors).to.deep.equal([]);
      expect(win.sabaqErrors).to.deep.equal([]);
    });
  }

  it('tells the learner when the Markdown pipeline cannot be fetched, and throws nothing', async () => {
    const base = `${location.origin}/__sabaq__/vendor-without-markdown/sabaq/`;
    frame.src = `${new URL('elsewhere.html', import.meta.url).href}?sabaq=${encodeURIComponent(base)}&namespace=${freshNamespace()}`;
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const win = frame.contentWindow as Window & typeof globalThis & { pageErrors: string[]; sabaqErrors: string[] };
    const shadow = (selector: string) => frame.contentDocument!.querySelector(selector)?.shadowRoot;
    await until(() => shadow('sabaq-quiz')?.textContent?.includes('could not be loaded'), 'the quiz said nothing', 20000);
    expect(shadow('sabaq-quiz')!.textContent).to.contain('The quiz could not be loaded. Check your connection and try again.');
    await until(() => shadow('sabaq-course-player')?.querySelector('[role="alert"]'), 'the player said nothing', 20000);
    expect(win.pageErrors).to.deep.equal([]);
  });
});
