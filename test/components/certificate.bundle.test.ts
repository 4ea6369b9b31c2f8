/**
 * The certificate as the built `dist/sabaq.js` draws it (npm test builds it first; run alone, build it
 * with `npx vite build --mode bundle`): the bundle's template minifier once dropped the space between
 * "Verification code:" and the code.
 */
import { expect } from '@open-wc/testing';
import { ACADEMY_CERTIFICATE_CODE, certifyAcademy } from './academy-progress.js';
import { freshNamespace, until } from './helpers.js';

describe('<sabaq-certificate> from dist/sabaq.js', function () {
  this.timeout(20000);
  let frame: HTMLIFrameElement;

  before(async () => {
    const namespace = freshNamespace();
    await certifyAcademy(namespace, 'Amna Khan');
    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 1000px; height: 800px';
    document.body.append(frame);
    // The end-to-end page: the academy course's player, tracker and certificate, with only the bundle.
    frame.src = `${new URL('../e2e/academy.html', import.meta.url).href}?namespace=${namespace}`;
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  });

  after(() => frame.remove());

  const certificate = () => frame.contentDocument!.querySelector('sabaq-certificate')!;
  const codeLine = () => [...(certificate().shadowRoot?.querySelectorAll('svg text') ?? [])].at(-1);

  for (const [lang, label] of [
    ['en', 'Verification code'],
    ['ur', 'تصدیقی کوڈ'],
  ]) {
    it(`keeps the space between "${label}:" and the code in ${lang}`, async () => {
      certificate().setAttribute('lang', lang!);
      await until(() => codeLine()?.textContent?.startsWith(label!), 'no certificate drawn', 10000);
      expect(codeLine()!.textContent).to.equal(`${label}: ${ACADEMY_CERTIFICATE_CODE}`);
      // And drawn: no character of the line, the space included, is collapsed away.
      expect((codeLine() as SVGTextElement).getNumberOfChars()).to.equal(label!.length + 16);
    });
  }
});
