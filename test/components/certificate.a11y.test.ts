/** Every state of the certificate, checked with axe in English and in Urdu. */
import { fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import '../../src/define.js';
import type { SabaqCertificate } from '../../src/components/certificate/certificate.js';
import { forgetCourse } from '../../src/lib/course/loader.js';
import { type ProgressStore, openStore } from '../../src/lib/store/index.js';
import { type Language, beforeTheCourse, checkStates, termsOf } from './a11y.js';
import { button, freshNamespace, shadowElement } from './helpers.js';

const course = (name: string) => new URL(`../fixtures/courses/${name}/course.md`, import.meta.url).href;
const ACADEMY = course('academy');
const academy = { learner: 'default', courseId: 'academy' };

interface CertificateOptions {
  src?: string;
  verifyUrl?: string;
  /** Writes the learner's progress before the certificate opens. */
  seed?: (store: ProgressStore) => Promise<unknown>;
}

/** A certificate in `lang`, once it shows something: the course's certificate box, or a notice instead. */
async function certificate(lang: Language, { src = ACADEMY, verifyUrl = '', seed }: CertificateOptions = {}) {
  const namespace = freshNamespace();
  await seed?.(openStore({ namespace }));
  const element = await fixture<SabaqCertificate>(
    html`<sabaq-certificate src=${src || nothing} namespace=${namespace} verify-url=${verifyUrl || nothing} lang=${lang}></sabaq-certificate>`,
  );
  await shadowElement(element, '.certificate-box, .notice');
  return element;
}

/** Every lesson of the academy complete, every quiz passed. */
async function completeCourse(store: ProgressStore) {
  await store.completeLesson(academy, 'welcome');
  await store.addQuizAttempt(academy, { quizId: 'marketplaces-1', answers: { q1: 0 }, score: 100, passed: true, quizHash: 'h' });
  await store.addQuizAttempt(academy, { quizId: 'final', answers: { q1: 0, q2: 0 }, score: 100, passed: true, quizHash: 'h' });
}

describe('<sabaq-certificate> accessibility', () => {
  beforeEach(() => forgetCourse());

  checkStates({
    ...beforeTheCourse((lang, src) => certificate(lang, { src })),

    'a course that issues no certificate': async (lang) => {
      const element = await certificate(lang, { src: course('no-certificate') });
      await shadowElement(element, '.certificate-box > p');
      return element;
    },

    'the course not complete: what is still missing': async (lang) => {
      const element = await certificate(lang, { seed: (store) => store.completeLesson(academy, 'welcome') });
      await shadowElement(element, '.certificate-box ul li');
      return element;
    },

    'the course complete: the name form': async (lang) => {
      const element = await certificate(lang, { seed: completeCourse });
      await shadowElement(element, 'form input[name=name]');
      button(element, termsOf(lang).issue);
      return element;
    },

    'issued: the certificate, its verification link, Print and Download': async (lang) => {
      const element = await certificate(lang, {
        verifyUrl: 'https://verify.example/?code={code}',
        seed: async (store) => {
          await completeCourse(store);
          await store.setLearnerName('default', lang === 'ur' ? 'عائشہ صدیقی' : 'Ayesha Siddiqui');
          await store.saveCertificate(academy, {
            code: 'ABCD-EFGH-JKMN',
            learnerName: lang === 'ur' ? 'عائشہ صدیقی' : 'Ayesha Siddiqui',
            issuedAt: Date.UTC(2026, 2, 23),
            score: 100,
          });
        },
      });
      await shadowElement(element, 'svg[role=img]');
      await shadowElement(element, 'a[href^="https://verify.example/"]');
      button(element, termsOf(lang).print);
      button(element, termsOf(lang).download);
      return element;
    },
  });
});
