/**
 * The course elements' layout against what partners' pages and authors' titles do to it: a long word in
 * a lesson title, the common `html { font-size: 62.5% }`, printing from a long page.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/define.js';
import type { SabaqCoursePlayer } from '../../src/components/course-player/course-player.js';
import type { SabaqQuiz } from '../../src/components/quiz/quiz.js';
import { forgetCourse } from '../../src/lib/course/loader.js';
import { certifyAcademy, completeAcademy } from './academy-progress.js';
import { button, freshNamespace, recordEvents, shadowElement, until } from './helpers.js';

const ACADEMY = new URL('../fixtures/courses/academy/course.md', import.meta.url).href;
const LONG_TITLE = 'CommercialInvoice/PackingList/CertificateOfOrigin';

/** A course whose first lesson has a one-word title longer than a phone is wide, and a quiz. */
function longTitleCourse(): string {
  const lesson = URL.createObjectURL(
    new Blob([
      '---\nid: documents\n---\nThe papers that travel with a shipment.\n\n```quiz\n# Which travels with the goods?\n1. [x] The invoice\n1. [ ] Your tax return\n```\n',
    ]),
  );
  return URL.createObjectURL(new Blob([`---\nid: long-title\n---\n# ${LONG_TITLE}\n\n## ${LONG_TITLE}\n- [${LONG_TITLE}](${lesson})\n`]));
}

/** A player and a tracker of the course at `src`, in a namespace of their own, in a box `width` pixels wide, once both show it. */
async function playerAndTracker(width: number, src: string) {
  const namespace = freshNamespace();
  const box = fixtureSync<HTMLDivElement>(html`<div style="width: ${width}px">
    <sabaq-course-player src=${src} namespace=${namespace}></sabaq-course-player>
    <sabaq-progress-tracker src=${src} namespace=${namespace}></sabaq-progress-tracker>
  </div>`);
  const player = box.querySelector<SabaqCoursePlayer>('sabaq-course-player')!;
  const tracker = box.querySelector('sabaq-progress-tracker')!;
  await shadowElement(player, '.player[aria-busy=false]');
  await shadowElement(tracker, '.tracker');
  return { box, player, tracker, namespace };
}

/** Elements of `root` (and of the shadow roots inside it) whose box reaches past `right` or left of `left`. */
function spilling(root: ShadowRoot, left: number, right: number): string[] {
  return [...root.querySelectorAll('*')]
    .filter((node) => {
      const box = node.getBoundingClientRect();
      return box.width > 0 && (box.right > right + 0.5 || box.left < left - 0.5);
    })
    .map((node) => `${node.localName}.${node.className}`);
}

describe('course elements: layout', () => {
  beforeEach(() => forgetCourse());

  for (const width of [1000, 1280, 360]) {
    it(`wraps a long word in a lesson title at ${width} px: nothing spills over the lesson or the page`, async () => {
      const { box, player, tracker } = await playerAndTracker(width, longTitleCourse());
      button(player, 'Start the course').click();
      const quiz = await shadowElement<SabaqQuiz>(player, 'sabaq-quiz');
      const option = await shadowElement<HTMLElement>(quiz, '.option');
      await player.updateComplete;

      // The first option takes its own clicks: nothing of the contents lies over it.
      option.scrollIntoView({ block: 'center' });
      const target = option.getBoundingClientRect();
      const hit = quiz.shadowRoot!.elementFromPoint(target.left + 10, target.top + target.height / 2);
      expect(hit && option.contains(hit), `the option's clicks went to ${hit?.localName}`).to.equal(true);
      if (width === 360) button(player, 'Open contents').click();
      await player.updateComplete;

      const root = player.shadowRoot!;
      const nav = root.querySelector('nav')!.getBoundingClientRect();
      const inNav = [...root.querySelectorAll('nav *')].filter((node) => node.getBoundingClientRect().right > nav.right + 0.5);
      expect(
        inNav.map((node) => node.localName),
        'the contents spill out of their box',
      ).to.deep.equal([]);
      const main = root.querySelector('main')!.getBoundingClientRect();
      const title = root.querySelector('.lesson-title')!.getBoundingClientRect();
      expect(title.right, 'the lesson heading spills').to.be.at.most(main.right + 0.5);

      const host = box.getBoundingClientRect();
      expect(spilling(root, host.left, host.right), 'the player spills past the page').to.deep.equal([]);
      expect(spilling(tracker.shadowRoot!, host.left, host.right), 'the tracker spills past the page').to.deep.equal([]);
      expect(box.scrollWidth, 'sideways scroll').to.be.at.most(width);
    });
  }

  it('keeps 44 px touch targets and readable text under html { font-size: 62.5% }', async () => {
    const rootSize = document.createElement('style');
    rootSize.textContent = 'html { font-size: 62.5% }';
    document.head.append(rootSize);
    try {
      const { player, tracker, namespace } = await playerAndTracker(1000, ACADEMY);
      const events = recordEvents(player);
      button(player, 'Start the course').click();
      await until(() => events.of('sabaq-lesson-start').length === 1);
      button(player, 'Next').click();
      const quiz = await shadowElement<SabaqQuiz>(player, 'sabaq-quiz');
      await shadowElement(quiz, '.option');
      await player.updateComplete;

      const small = (root: ShadowRoot, selector: string) =>
        [...root.querySelectorAll<HTMLElement>(selector)]
          .filter((node) => node.offsetParent !== null)
          .map((node) => [node.textContent!.trim().slice(0, 20), Math.round(node.getBoundingClientRect().height)] as const)
          .filter(([, height]) => height < 44);
      expect(small(player.shadowRoot!, 'button'), 'player buttons').to.deep.equal([]);
      expect(small(quiz.shadowRoot!, 'button, .option'), 'quiz buttons and options').to.deep.equal([]);
      expect(small(tracker.shadowRoot!, '.button'), 'tracker links').to.deep.equal([]);
      const radio = quiz.shadowRoot!.querySelector('input[type=radio]')!.getBoundingClientRect();
      expect(radio.width, 'a radio button drawn at least as large as the text').to.be.at.least(16);
      for (const text of [player.shadowRoot!.querySelector('.prose p')!, quiz.shadowRoot!.querySelector('.option')!]) {
        expect(parseFloat(getComputedStyle(text).fontSize), 'text size').to.be.at.least(16);
      }

      await completeAcademy(namespace);
      const certificate = fixtureSync(html`<sabaq-certificate src=${ACADEMY} namespace=${namespace}></sabaq-certificate>`);
      const input = await shadowElement<HTMLInputElement>(certificate, 'input[name=name]');
      expect(input.getBoundingClientRect().height, 'the name field').to.be.at.least(44);
      expect(certificate.shadowRoot!.querySelector('button')!.getBoundingClientRect().height, 'the Get button').to.be.at.least(44);
      expect(parseFloat(getComputedStyle(input).fontSize), 'certificate text size').to.be.at.least(16);
    } finally {
      rootSize.remove();
    }
  });

  it('prints a certificate from a long page on no more paper than the certificate needs', async function () {
    const namespace = freshNamespace();
    await certifyAcademy(namespace, 'Bilal');
    const page = fixtureSync<HTMLDivElement>(html`<div>
      <p style="height: 4000px">A long partner page above the certificate.</p>
      <section><sabaq-certificate src=${ACADEMY} namespace=${namespace}></sabaq-certificate></section>
      <p style="height: 2000px">And more below it.</p>
    </div>`);
    const certificate = page.querySelector('sabaq-certificate')!;
    await shadowElement(certificate, 'svg');
    try {
      await emulateMedia({ media: 'print' });
    } catch {
      this.skip(); // Only Chromium lets the runner emulate print media.
    }
    let printed: { pageHeight: number; certificateHeight: number } | undefined;
    const originalPrint = window.print;
    window.print = () => {
      printed = {
        pageHeight: document.documentElement.scrollHeight,
        certificateHeight: certificate.getBoundingClientRect().height,
      };
    };
    try {
      button(certificate, 'Print').click();
    } finally {
      window.print = originalPrint;
      await emulateMedia({ media: 'screen' });
    }
    expect(printed!.certificateHeight).to.be.greaterThan(100);
    expect(printed!.pageHeight, 'the page printed is about as tall as the certificate').to.be.below(printed!.certificateHeight + 200);
    window.dispatchEvent(new Event('afterprint'));
    expect(page.querySelector('[data-sabaq-print-path]'), 'the page is as it was after printing').to.equal(null);
  });
});
