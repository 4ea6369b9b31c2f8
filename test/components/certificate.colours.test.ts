/**
 * The certificate is paper: colours that read on it whatever the page's colour scheme, the partner's
 * primary where it does. The Verify link beside it is in the theme's link colour, and not printed.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/define.js';
import type { SabaqCertificate } from '../../src/components/certificate/certificate.js';
import { certifyAcademy } from './academy-progress.js';
import { freshNamespace, shadowElement } from './helpers.js';

const ACADEMY = new URL('../fixtures/courses/academy/course.md', import.meta.url).href;

/** The academy course complete with an issued certificate, on an element with `style`. */
async function issued(style = '') {
  const namespace = freshNamespace();
  await certifyAcademy(namespace, 'Amna Khan');
  const element = await fixture<SabaqCertificate>(
    html`<sabaq-certificate src=${ACADEMY} namespace=${namespace} style=${style} verify-url="https://verify.example/?c={code}"></sabaq-certificate>`,
  );
  return { element, drawing: await shadowElement<SVGSVGElement>(element, 'svg[role=img]') };
}

/** WCAG contrast of an element's `fill` (or `stroke`) against the certificate's paper. */
function contrastOnPaper(element: Element, property: 'fill' | 'stroke' = 'fill'): number {
  const luminance = (color: string) =>
    color
      .match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map((c) => Number(c) / 255)
      .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
      .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
  const paper = element.closest('svg')!.querySelector('rect')!;
  return (luminance(getComputedStyle(paper).fill) + 0.05) / (luminance(getComputedStyle(element)[property]) + 0.05);
}

describe('<sabaq-certificate> colours', () => {
  it('draws in colours that read on the paper (WCAG AA) when the page gives a dark theme’s pale primary', async () => {
    // The demo's dark theme sets this; on the cream paper it would be 1.9:1.
    const { drawing } = await issued('--sabaq-color-primary: #5fd08f');
    for (const text of drawing.querySelectorAll('text')) {
      expect(contrastOnPaper(text), `${text.textContent} on the paper`).to.be.at.least(4.5);
    }
    for (const border of drawing.querySelectorAll('rect[fill=none]')) {
      expect(contrastOnPaper(border, 'stroke')).to.be.at.least(4.5);
    }
  });

  it("keeps the partner's primary colour on the certificate where it reads on the paper", async () => {
    const { drawing } = await issued('--sabaq-color-primary: #1d4e89');
    expect(getComputedStyle(drawing.querySelector('text')!).fill).to.equal('rgb(29, 78, 137)');
    expect(getComputedStyle(drawing.querySelector('rect[fill=none]')!).stroke).to.equal('rgb(29, 78, 137)');
  });

  it('shows the Verify link in the theme’s link colour', async () => {
    const { element } = await issued('--sabaq-color-primary: rgb(29, 78, 137)');
    const link = element.shadowRoot!.querySelector('a')!;
    expect(getComputedStyle(link).color).to.equal('rgb(29, 78, 137)');
  });

  it('leaves the Verify link off the printed certificate', async function () {
    const { element } = await issued();
    try {
      await emulateMedia({ media: 'print' });
    } catch {
      this.skip(); // Only Chromium lets the runner emulate print media.
    }
    try {
      expect(getComputedStyle(element.shadowRoot!.querySelector('a')!).display).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  describe('in a dark colour scheme', () => {
    let emulated = false;
    before(async function () {
      try {
        await emulateMedia({ colorScheme: 'dark' });
        emulated = true;
      } catch {
        // Only Chromium lets the runner emulate a colour scheme.
        this.skip();
      }
    });
    after(async () => {
      if (emulated) await emulateMedia({ colorScheme: 'light' });
    });

    it('keeps the paper’s colours, and the Verify link follows the dark theme', async () => {
      const { element, drawing } = await issued();
      const heading = drawing.querySelector('text')!;
      expect(contrastOnPaper(heading)).to.be.at.least(4.5);
      const link = element.shadowRoot!.querySelector('a')!;
      // The dark theme's primary, which reads on the dark surface.
      expect(getComputedStyle(link).color).to.equal(getComputedStyle(element.shadowRoot!.querySelector('.button')!).backgroundColor);
      expect(getComputedStyle(link).color).to.equal('rgb(95, 208, 143)');
    });
  });
});
