/**
 * The certificate drawing as a learner sees it: every line clear of the others and inside the border,
 * in English and in Urdu (whose Nastaliq lines need two to three times their font size), with long
 * names and titles; and the space between the verification code's label and the code.
 */
import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { render } from 'lit';
import '../../src/define.js';
import type { SabaqCertificate } from '../../src/components/certificate/certificate.js';
import { certificateSvg } from '../../src/components/certificate/certificate-svg.js';
import { type Language, termsOf } from './a11y.js';
import { ACADEMY_CERTIFICATE_CODE as CODE, certifyAcademy } from './academy-progress.js';
import { freshNamespace, shadowElement } from './helpers.js';

const ACADEMY = new URL('../fixtures/courses/academy/course.md', import.meta.url).href;

const LONG_NAME: Record<Language, string> = {
  en: 'Muhammad Abdullah Siddiqui Khan Niazi Chaudhry Rana Malik Qureshi Hashmi Bukhari Gillani Syed Jafri Naqvi',
  ur: 'محمد عبداللہ صدیقی خان نیازی چوہدری رانا ملک قریشی ہاشمی بخاری گیلانی سید جعفری نقوی رضوی',
};
const LONG_TITLE: Record<Language, string> = {
  en: 'Export Online: A Complete Course for Pakistani Small and Medium Enterprises Selling Handicrafts, Textiles and Food Abroad',
  ur: 'آن لائن برآمدات: پاکستانی چھوٹے اور درمیانے کاروباروں کے لیے دستکاری، کپڑے اور کھانے کی اشیا بیرون ملک بیچنے کا مکمل کورس',
};

/** The academy course complete with an issued certificate for `learnerName`, shown in `lang`. */
async function issued(lang: Language, learnerName: string) {
  const namespace = freshNamespace();
  await certifyAcademy(namespace, learnerName);
  const element = await fixture<SabaqCertificate>(
    html`<sabaq-certificate src=${ACADEMY} namespace=${namespace} lang=${lang} verify-url="https://verify.example/?c={code}"></sabaq-certificate>`,
  );
  return { element, drawing: await shadowElement<SVGSVGElement>(element, 'svg[role=img]') };
}

/** Every text line's box is clear of the next one's and inside the inner border (40–960 × 40–660). */
function expectClearLines(drawing: SVGSVGElement) {
  const boxes = [...drawing.querySelectorAll('text')].map((text) => ({ text: text.textContent, box: text.getBBox() }));
  expect(boxes.length).to.be.greaterThan(7);
  boxes.forEach(({ text, box }, i) => {
    expect(box.x, `${text} starts left of the border`).to.be.at.least(40);
    expect(box.x + box.width, `${text} ends right of the border`).to.be.at.most(960);
    expect(box.y, `${text} rises above the border`).to.be.at.least(40);
    expect(box.y + box.height, `${text} drops below the border`).to.be.at.most(660);
    const next = boxes[i + 1];
    if (next) expect(box.y + box.height, `"${text}" overlaps "${next.text}"`).to.be.at.most(next.box.y + 0.5);
  });
}

describe('<sabaq-certificate> layout', () => {
  for (const lang of ['en', 'ur'] as const) {
    it(`lays out every line clear of the others in ${lang}`, async () => {
      expectClearLines((await issued(lang, lang === 'ur' ? 'آمنہ خان' : 'Amna Khan')).drawing);
    });

    it(`wraps and shrinks a long name in ${lang}, still clear of the other lines`, async () => {
      const { drawing } = await issued(lang, LONG_NAME[lang]);
      expect(drawing.textContent!.replace(/\s+/g, ' ')).to.contain(LONG_NAME[lang].split(' ').at(-1));
      expectClearLines(drawing);
    });

    it(`fits a long course title, issuer and name on the paper in ${lang}`, () => {
      const terms = termsOf(lang);
      const fontFamily = lang === 'ur' ? "'Noto Nastaliq Urdu', 'Noto Naskh Arabic', serif" : 'system-ui, sans-serif';
      const container = fixtureSync<HTMLDivElement>(html`<div style="width: 1000px"></div>`);
      render(
        certificateSvg({
          heading: terms.certificateTitle,
          certifies: terms.certifies,
          learnerName: LONG_NAME[lang],
          hasCompleted: terms.hasCompleted,
          courseTitle: LONG_TITLE[lang],
          issuedBy: terms.issuedBy(
            lang === 'ur'
              ? 'ٹی ڈی اے پی ایس ایم ای ای کامرس اکیڈمی، لاہور، کراچی اور اسلام آباد'
              : 'TDAP SME E-commerce Academy of Lahore, Karachi and Islamabad',
          ),
          date: terms.issuedOn('27 November 2026'),
          score: terms.score('100%'),
          codeLabel: terms.verificationCode,
          code: CODE,
          dir: lang === 'ur' ? 'rtl' : 'ltr',
          fontFamily,
          primary: '#0b6b3a',
        }),
        container,
      );
      const drawing = container.querySelector('svg')!;
      // Nothing is cut: every word of the title is drawn.
      const drawn = drawing.textContent!.replace(/\s+/g, ' ');
      for (const word of LONG_TITLE[lang].split(' ')) expect(drawn).to.contain(word);
      expectClearLines(drawing);
    });

    it(`keeps the space between "${termsOf(lang).verificationCode}:" and the code in ${lang}`, async () => {
      const { drawing } = await issued(lang, 'Amna Khan');
      const line = [...drawing.querySelectorAll('text')].at(-1)!;
      expect(line.textContent).to.equal(`${termsOf(lang).verificationCode}: ${CODE}`);
    });
  }
});
