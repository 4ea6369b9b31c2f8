/**
 * A page in a test's iframe, looked at and used as a learner would: the elements' shadow roots, their
 * text, buttons and links by name, the open lesson's title and its quiz.
 */
import { until } from '../components/helpers.js';

export function framePage(frame: () => HTMLIFrameElement) {
  const doc = () => frame().contentDocument!;
  const shadow = (selector: string) => doc().querySelector(selector)?.shadowRoot ?? undefined;
  const text = (selector: string) => shadow(selector)?.textContent?.replace(/\s+/g, ' ') ?? '';

  function click(root: ShadowRoot | undefined, name: string | RegExp): void {
    const candidates = [...(root?.querySelectorAll<HTMLButtonElement>('button, a') ?? [])];
    const match = candidates.find((b) => (typeof name === 'string' ? b.textContent!.trim() === name : name.test(b.textContent!)));
    if (!match) throw new Error(`no ${name}: ${candidates.map((b) => b.textContent!.trim()).join(' | ')}`);
    match.click();
  }

  const lessonTitle = () => shadow('sabaq-course-player')?.querySelector('.lesson-title')?.textContent;
  const quizRoot = () => shadow('sabaq-course-player')?.querySelector('sabaq-quiz')?.shadowRoot ?? undefined;

  /** Ticks the options of the open lesson's quiz whose labels match `choices`, then submits. */
  async function answer(choices: RegExp) {
    const submit = () => [...(quizRoot()?.querySelectorAll('button') ?? [])].find((b) => b.textContent!.trim() === 'Submit');
    await until(() => submit() && quizRoot()!.querySelector('.question input:not([disabled])'), 'the quiz is not ready for answers');
    for (const label of quizRoot()!.querySelectorAll('label')) {
      if (choices.test(label.textContent!)) label.querySelector('input')!.click();
    }
    await until(() => [...quizRoot()!.querySelectorAll<HTMLInputElement>('input')].some((input) => input.checked));
    submit()!.click();
  }

  /** In the academy course (test/fixtures/courses/academy), from Marketplaces: passes the Final check and finishes. */
  async function finishAcademy() {
    click(shadow('sabaq-course-player'), 'Next');
    await until(() => lessonTitle() === 'Final check');
    await answer(/Free On Board|Ex Works/);
    await until(() => quizRoot()?.querySelector('.result.passed'));
    click(shadow('sabaq-course-player'), 'Finish');
    await until(() => text('sabaq-course-player').includes('You have completed the course.'));
  }

  /** Asks the certificate for `name`'s certificate; resolves with the verification code drawn on it. */
  async function getCertificate(name: string): Promise<string> {
    await until(() => shadow('sabaq-certificate')?.querySelector('input[name=name]'), 'no name field');
    shadow('sabaq-certificate')!.querySelector<HTMLInputElement>('input[name=name]')!.value = name;
    click(shadow('sabaq-certificate'), 'Get my certificate');
    await until(() => shadow('sabaq-certificate')?.querySelector('svg'), 'no certificate');
    return /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(shadow('sabaq-certificate')!.querySelector('svg')!.textContent!)![0];
  }

  return { doc, shadow, text, click, lessonTitle, quizRoot, answer, finishAcademy, getCertificate };
}
