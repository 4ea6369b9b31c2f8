/**
 * A long quiz, or a long course's contents, is drawn a screenful first and the rest once that is on
 * screen: the first question or the lesson never waits for what lies below the fold, and nothing can
 * be submitted half drawn. (A MutationObserver sees each step: its callbacks run before any frame.)
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import '../../src/define.js';
import type { SabaqCoursePlayer } from '../../src/components/course-player/course-player.js';
import type { SabaqQuiz } from '../../src/components/quiz/quiz.js';
import { toCourseFile } from '../../src/lib/course/course-file.js';
import { loadMarkdownPipeline } from '../../src/lib/markdown-loader.js';
import { generateCourse } from '../fixtures/generate-course.js';
import { freshNamespace, shadowElement } from './helpers.js';

interface Drawn {
  count: number;
  busy: string | null | undefined;
  submitDisabled?: boolean;
}

/** Each state of `host` from the first `selector` on: how many there are, and the `aria-busy` of `region`. */
function watchDrawing(host: HTMLElement, selector: string, region: string) {
  const seen: Drawn[] = [];
  const observer = new MutationObserver(() => {
    const root = host.shadowRoot!;
    const count = root.querySelectorAll(selector).length;
    const submit = [...root.querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Submit');
    const state: Drawn = { count, busy: root.querySelector(region)?.getAttribute('aria-busy') };
    if (submit) state.submitDisabled = submit.disabled;
    if (count > 0 && JSON.stringify(seen.at(-1)) !== JSON.stringify(state)) seen.push(state);
  });
  observer.observe(host.shadowRoot!, { childList: true, subtree: true, attributes: true });
  return { seen, stop: () => observer.disconnect() };
}

describe('a screenful first', () => {
  it('a 20-question quiz shows its first three questions, Submit disabled, then all twenty', async () => {
    const markdown = Array.from({ length: 20 }, (_, i) => `### Question ${i + 1}\n\n- [x] Yes\n- [ ] No\n`).join('\n');
    const element = fixtureSync<SabaqQuiz>(
      html`<sabaq-quiz namespace=${freshNamespace()}><script type="text/markdown">${markdown}</script></sabaq-quiz>`,
    );
    const drawing = watchDrawing(element, '.question', '.quiz');
    await shadowElement(element, '.quiz[aria-busy=false]');
    drawing.stop();
    expect(drawing.seen[0]).to.deep.equal({ count: 3, busy: 'true', submitDisabled: true });
    expect(drawing.seen.filter((state) => !state.submitDisabled).map((state) => state.count)).to.deep.equal([20]);
    expect(drawing.seen.at(-1)).to.deep.equal({ count: 20, busy: 'false', submitDisabled: false });
  });

  it("a 40-lesson course's contents list twenty lessons beside the lesson, then all forty", async () => {
    const folder = new URL(`./generated-${freshNamespace()}/`, import.meta.url).href;
    const { manifest, files } = generateCourse(40);
    const { readCourse } = await loadMarkdownPipeline();
    const course = await readCourse({
      text: manifest,
      file: 'course.md',
      url: `${folder}course.md`,
      readLesson: async (url) => files[url.slice(folder.length)]!,
    });
    const courseJson = JSON.stringify(toCourseFile(course));
    // The site's server, for this one file: it is generated, not on disk.
    const serverFetch = window.fetch;
    window.fetch = (input, init) =>
      String(input) === `${folder}course.json` ? Promise.resolve(new Response(courseJson)) : serverFetch(input, init);
    try {
      const element = fixtureSync<SabaqCoursePlayer>(
        html`<sabaq-course-player src=${`${folder}course.json`} namespace=${freshNamespace()}></sabaq-course-player>`,
      );
      const drawing = watchDrawing(element, '.toc-item', '.player');
      await shadowElement(element, '.player[aria-busy=false]');
      drawing.stop();
      expect(drawing.seen[0]).to.deep.equal({ count: 20, busy: 'true' });
      expect(drawing.seen.at(-1)).to.deep.equal({ count: 40, busy: 'false' });
      expect(element.shadowRoot!.querySelectorAll('nav h3'), 'every module').to.have.length(10);
    } finally {
      window.fetch = serverFetch;
    }
  });
});
