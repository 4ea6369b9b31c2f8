/**
 * A lesson whose front matter has an author's error (requiring itself, `duration: 5 min`, another
 * lesson's id) or nested deeper than marked can read shows its errors in place, and the rest of the
 * course stays reachable.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import '../../src/define.js';
import type { SabaqCoursePlayer } from '../../src/components/course-player/course-player.js';
import { forgetCourse } from '../../src/lib/course/loader.js';
import { button, freshNamespace, recordEvents, shadowElement, until } from './helpers.js';

const COURSE = new URL('../fixtures/courses/broken-metadata/course.md', import.meta.url).href;
const DEEP = new URL('../fixtures/courses/deep-nesting/course.md', import.meta.url).href;
const MISTAKES = new URL('../fixtures/courses/author-mistakes/course.md', import.meta.url).href;

const tocItems = (element: Element) => [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('.toc-item')];
const toc = (element: Element) =>
  tocItems(element).map(
    (item) => `${item.querySelector('.toc-text span')!.textContent}: ${item.querySelector('.toc-state')!.textContent!.trim()}`,
  );
const title = (element: Element) => element.shadowRoot!.querySelector('.lesson-title')?.textContent;
const alert = (element: Element) => element.shadowRoot!.querySelector('article [role=alert]')?.textContent?.replace(/\s+/g, ' ') ?? '';

describe('<sabaq-course-player> with broken lessons', () => {
  beforeEach(() => forgetCourse());

  it("shows each broken lesson's errors in place and keeps every lesson of the sequential course reachable", async () => {
    const element = fixtureSync<SabaqCoursePlayer>(
      html`<sabaq-course-player src=${COURSE} namespace=${freshNamespace()}></sabaq-course-player>`,
    );
    await shadowElement(element, '.player[aria-busy=false] .toc-item');
    const events = recordEvents(element);
    // The second lesson with the id "intro" neither hides nor replaces the first.
    expect(toc(element)).to.deep.equal(['Intro: Not started', 'Loop: Locked', 'Timed: Locked', 'Copy: Locked', 'End: Locked']);

    button(element, 'Start the course').click();
    await until(() => title(element) === 'Intro');
    const expected = [
      ['Loop', 'lessons/loop.md:2: lessons require each other in a circle (loop → loop)'],
      ['Timed', 'lessons/timed.md:2: "duration" must be a number greater than 0, not "5 min"'],
      ['Copy', 'lessons/copy.md:2: the lesson id "intro" is already used by lessons/intro.md'],
    ];
    for (const [lesson, error] of expected) {
      button(element, 'Next').click();
      await until(
        () => title(element) === lesson,
        `Next did not open ${lesson}: ${element.shadowRoot!.querySelector('.notice')?.textContent}`,
      );
      expect(alert(element)).to.contain(error);
    }
    button(element, 'Next').click();
    await until(() => title(element) === 'End');
    expect(alert(element)).to.equal('');
    // Opening a lesson is stored, then announced: the contents show it after that.
    await until(() => events.of('sabaq-lesson-start').length === 5);
    await element.updateComplete;
    expect(toc(element)).to.deep.equal([
      'Intro: Complete',
      'Loop: In progress',
      'Timed: In progress',
      'Copy: In progress',
      'End: In progress',
    ]);

    // The first lesson with the id is still the one its entry opens.
    tocItems(element)[0]!.click();
    await until(() => title(element) === 'Intro');
    expect(element.shadowRoot!.querySelector('.prose')!.textContent).to.contain('Welcome.');
    expect(events.of('sabaq-error').map((event) => event.detail.code)).to.deep.equal([
      'lesson-invalid',
      'lesson-invalid',
      'lesson-invalid',
    ]);
  });

  it('shows a lesson nested too deep as an author error at its lines, alone, and reopens on it after a reload', async () => {
    const namespace = freshNamespace();
    const open = async () => {
      const element = fixtureSync(html`<sabaq-course-player src=${DEEP} namespace=${namespace}></sabaq-course-player>`);
      await shadowElement(element, '.player[aria-busy=false] .toc-item');
      return element;
    };
    const element = await open();
    tocItems(element)[1]!.click();
    await until(() => title(element) === 'Deep');
    expect(alert(element)).to.contain('lessons/deep.md:3: this line nests quotes (">") or lists more than 100 levels deep');
    expect(alert(element)).to.contain('lessons/deep.md:5:');
    tocItems(element)[0]!.click();
    await until(() => title(element) === 'First');
    tocItems(element)[1]!.click();
    await until(() => title(element) === 'Deep');
    element.remove();

    forgetCourse();
    const reloaded = await open();
    await until(() => title(reloaded) === 'Deep', 'the player did not reopen on the deep lesson');
    expect(alert(reloaded)).to.contain('more than 100 levels deep');
  });

  it("lists the manifest's errors at their lines on the start page, fires sabaq-error, and keeps the course usable", async () => {
    const events = recordEvents(document);
    const element = fixtureSync(html`<sabaq-course-player src=${MISTAKES} namespace=${freshNamespace()}></sabaq-course-player>`);
    await shadowElement(element, '.player[aria-busy=false] .toc-item');
    await until(() => events.of('sabaq-error').length > 0);
    events.stop();
    const notice = [...element.shadowRoot!.querySelectorAll('.start [role=alert] li')].map((item) => item.textContent);
    expect(notice).to.deep.equal([
      'course.md:3: "sequential" must be "true" or "false", not "yes"',
      'course.md:4: "pass" must be a percentage from 0 to 100, without the % sign, not "80%"',
      'course.md:5: "lang: English" is not a language tag: write one such as "en" or "ur"',
      'course.md:6: "certificate" must be "true" or "false", not "maybe"',
      'course.md:14: "lessons/first.md" is already listed on line 13: list each lesson file once',
    ]);
    expect(events.of('sabaq-error').map((event) => event.detail)).to.deep.equal([
      { code: 'course-invalid', message: '"sequential" must be "true" or "false", not "yes"', file: 'course.md', line: 3 },
    ]);
    button(element, 'Start the course').click();
    await until(() => title(element) === 'First');
    expect(element.shadowRoot!.querySelector('.prose')!.textContent).to.contain('First lesson.');
  });

  it('says what check says of a lesson not saved as UTF-8, an HTML page saved as a lesson and a backslash in a link', async () => {
    const element = fixtureSync(html`<sabaq-course-player src=${MISTAKES} namespace=${freshNamespace()}></sabaq-course-player>`);
    await shadowElement(element, '.player[aria-busy=false] .toc-item');
    const expected: [string, string][] = [
      [
        'Café',
        'lessons/cafe.md:3: this file is not saved as UTF-8, so some of its letters cannot be read (they show as "�"): ' +
          'save it again with the encoding "UTF-8" (in Notepad: File, Save as, Encoding: UTF-8)',
      ],
      [
        'Saved page',
        'course.md:16: the lesson file "lessons/page.md" is an HTML web page, not Markdown: if it is the lesson, save it ' +
          'as Markdown text; if not, check the link (a web server may answer a missing file with its home page)',
      ],
      ['Windows path', 'course.md:17: the link "lessons\\win.md" separates folders with "\\": write "/" instead, as in "lessons/win.md"'],
    ];
    for (const [lesson, error] of expected) {
      tocItems(element)
        .find((item) => item.textContent!.includes(lesson))!
        .click();
      await until(() => title(element) === lesson);
      expect([...element.shadowRoot!.querySelectorAll('article [role=alert] li')].map((item) => item.textContent)).to.deep.equal([error]);
    }
  });
});
