/**
 * Runs in a second tab (course-player.storage.test.ts): shows a course with every course element, as a
 * partner page would, and reports what a learner sees. Arguments and results travel as JSON.
 */
import { openDB } from 'idb';
import '../../src/define.js';

const TAGS = ['sabaq-course-player', 'sabaq-progress-tracker', 'sabaq-certificate'] as const;
const errors: { element: string; code: string }[] = [];

export async function showCourse(src: string, namespace: string): Promise<void> {
  for (const tag of TAGS) {
    const element = Object.assign(document.createElement(tag), { src, namespace });
    document.body.append(element);
  }
  // Quizzes inside the player report too: each error is filed under the element that fired it.
  document.addEventListener('sabaq-error', (event) => {
    errors.push({ element: (event.composedPath()[0] as Element).localName, code: event.detail.code });
  });
  const player = document.querySelector('sabaq-course-player')!;
  while (!player.shadowRoot?.querySelector('.player[aria-busy=false]')) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Clicks the button of the player's shadow root whose text is `name`. */
export function clickInPlayer(name: string): void {
  const player = document.querySelector('sabaq-course-player')!;
  const buttons = [...player.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')];
  const button = buttons.find(
    (candidate) => candidate.textContent!.trim() === name || candidate.querySelector('.toc-text > span')?.textContent === name,
  );
  if (!button) throw new Error(`no button ${name}: ${buttons.map((b) => b.textContent!.trim()).join(', ')}`);
  button.click();
}

/** Each element's notices and whole text, and every sabaq-error so far. */
export function seen() {
  const elements = Object.fromEntries(
    TAGS.map((tag) => {
      const root = document.querySelector(tag)!.shadowRoot!;
      const notices = [...root.querySelectorAll('[part=notice]')].map((notice) => notice.textContent!.replace(/\s+/g, ' ').trim());
      return [tag, { notices, text: root.textContent!.replace(/\s+/g, ' ') }];
    }),
  );
  return { elements, errors };
}

/** The lessons kept on disk for the namespace, read over a connection of their own. */
export async function savedLessons(namespace: string): Promise<string[]> {
  const database = await openDB('sabaq');
  try {
    const keys = (await database.getAllKeys('lessons')) as string[][];
    return keys.filter((key) => key[0] === namespace).map((key) => key[key.length - 1]!);
  } finally {
    database.close();
  }
}
