/**
 * The preview page and its script. The problems are written into the HTML by the server, so a course
 * broken mid-edit shows its errors even if the elements cannot show anything; the script only switches
 * the language, starts over and reloads the page when the server announces a new version.
 */
import { formatProblem } from '../../lib/problems.js';
import type { PreviewState } from './course-state.js';

/** Progress in the preview is kept under this namespace, apart from every real learner's. */
export const PREVIEW_NAMESPACE = 'sabaq-preview';

const LANGUAGES: [string, string][] = [
  ['en', 'English'],
  ['ur', 'اردو'],
];

export interface PageOptions {
  version: number;
  /** False when the package's dist/sabaq.js is missing (a source checkout that was never built). */
  bundled: boolean;
}

export function previewPage(state: PreviewState, { version, bundled }: PageOptions): string {
  const src = `/course/${state.kind === 'course' ? `${state.entry}.preview.json` : state.entry}`;
  const attributes = `src="${escapeHtml(encodeURI(src))}" namespace="${PREVIEW_NAMESPACE}"`;
  const elements = state.unreadable
    ? ''
    : state.kind === 'quiz'
      ? `<sabaq-quiz ${attributes}></sabaq-quiz>`
      : `<sabaq-course-player ${attributes}></sabaq-course-player>
    <aside class="side">
      <sabaq-progress-tracker ${attributes}></sabaq-progress-tracker>
      <sabaq-certificate ${attributes}></sabaq-certificate>
    </aside>`;
  const own = LANGUAGES.find(([code]) => code === state.lang)?.[1] ?? state.lang;
  return `<!doctype html>
<html lang="en" data-version="${version}" data-course-id="${escapeHtml(state.courseId ?? '')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preview: ${escapeHtml(state.title)}</title>
<style>${STYLES}</style>
${bundled ? '<script type="module" src="/sabaq/sabaq.js"></script>' : ''}
<script type="module" src="/preview.js"></script>
</head>
<body>
<header class="bar">
  <p class="name"><strong>sabaq preview</strong> <code>${escapeHtml(state.entry)}</code></p>
  <div class="controls">
    <label>Language
      <select id="preview-lang">
        <option value="">${state.kind === 'course' ? 'The course’s' : 'The quiz’s'} own (${escapeHtml(own)})</option>
        ${LANGUAGES.map(([code, name]) => `<option value="${code}" lang="${code}">${name}</option>`).join('')}
      </select>
    </label>
    <button type="button" id="preview-start-over">Start over</button>
    <span id="preview-status" role="status">Connecting…</span>
  </div>
  <p class="note">${state.kind === 'course' ? 'Every lesson is open here: <code>sequential</code> and <code>requires</code> are not enforced. ' : ''}Progress is kept apart from learners’ (namespace <code>${PREVIEW_NAMESPACE}</code>); Start over clears it. Saving a file reloads this page.</p>
</header>
${problemsPanel(state, bundled)}
<main class="${state.kind}">
    ${elements}
</main>
</body>
</html>
`;
}

function problemsPanel(state: PreviewState, bundled: boolean): string {
  const missingBundle = bundled
    ? ''
    : '<p class="problem error">The browser bundle (dist/sabaq.js) is missing from this sabaq package: run <code>npm run build</code> in it.</p>';
  if (state.problems.length === 0) {
    return `<section id="preview-problems" class="problems ok" aria-label="Problems">${missingBundle}<p>No problems: <code>sabaq check</code> would pass.</p></section>`;
  }
  const errors = state.problems.filter((problem) => problem.severity === 'error').length;
  const warnings = state.problems.length - errors;
  const counts = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
  const groups = state.groups.map((group) => {
    const open =
      group.lessonId && !state.unreadable
        ? ` <button type="button" class="open" data-open-lesson="${escapeHtml(group.lessonId)}">Open this lesson</button>`
        : '';
    const items = group.problems.map((problem) => {
      const [where, ...message] = formatProblem(problem).split(': ');
      return `<li class="problem ${problem.severity}"><code>${escapeText(where!)}</code> ${escapeText(message.join(': '))}</li>`;
    });
    const heading = group.lessonId
      ? `Lesson “${escapeHtml(group.title)}” <code>${escapeHtml(group.file)}</code>`
      : `<code>${escapeHtml(group.file)}</code>`;
    return `<section class="group"><h3>${heading}${open}</h3><ul>${items.join('')}</ul></section>`;
  });
  return `<section id="preview-problems" class="problems${errors ? ' has-errors' : ''}" aria-labelledby="preview-problems-title">
  ${missingBundle}
  <h2 id="preview-problems-title">${counts}</h2>
  ${groups.join('\n  ')}
</section>`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** For attribute values and text alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** For text only: quotes stay readable in the page's source. */
function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (character) => `&#${character.charCodeAt(0)};`);
}

const STYLES = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; background: Canvas; color: CanvasText; }
.bar { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: center;
  padding: 0.5rem 1rem; background: #12372a; color: #fff; font-size: 0.9rem; }
.bar p { margin: 0; }
.bar code { background: rgb(255 255 255 / 0.15); padding: 0 0.25em; border-radius: 3px; }
.name { flex: 1 1 auto; }
.note { flex: 1 1 100%; opacity: 0.9; }
.controls { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.controls select, .controls button { font: inherit; min-height: 2.25rem; border-radius: 6px; border: 1px solid #fff8; }
.controls button { background: #fff; color: #12372a; padding: 0 0.75rem; cursor: pointer; }
#preview-status { font-size: 0.8rem; opacity: 0.9; }
#preview-status.offline { color: #ffd166; opacity: 1; }
.problems { margin: 1rem; padding: 0.75rem 1rem; border: 2px solid #b3261e; border-radius: 8px; background: color-mix(in srgb, #b3261e 7%, Canvas); }
.problems.ok { border-color: #2e7d32; background: color-mix(in srgb, #2e7d32 7%, Canvas); padding: 0.25rem 1rem; }
.problems:not(.has-errors):not(.ok) { border-color: #a66300; background: color-mix(in srgb, #a66300 7%, Canvas); }
.problems h2 { margin: 0 0 0.5rem; font-size: 1.1rem; }
.problems h3 { margin: 0.75rem 0 0.25rem; font-size: 1rem; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: baseline; }
.problems ul { margin: 0; padding-inline-start: 1.25rem; }
.problem { overflow-wrap: anywhere; }
.problem code { font-weight: 600; }
.problem.warning code::after { content: " warning"; font-weight: 400; font-style: italic; }
.open { font: inherit; font-size: 0.85rem; cursor: pointer; }
main { margin: 1rem; display: grid; gap: 1rem; }
@media (min-width: 1100px) { main.course { grid-template-columns: minmax(0, 1fr) 20rem; align-items: start; } }
.side { display: grid; gap: 1rem; }
`;

/** The page's script, served as /preview.js. */
export const PREVIEW_SCRIPT = `
const NAMESPACE = ${JSON.stringify(PREVIEW_NAMESPACE)};
const LANG_KEY = 'sabaq-preview-lang';
const SCROLL_KEY = 'sabaq-preview-scroll';
const version = document.documentElement.dataset.version;
const courseId = document.documentElement.dataset.courseId;
const status = document.getElementById('preview-status');
const elements = () => document.querySelectorAll('sabaq-course-player, sabaq-progress-tracker, sabaq-certificate, sabaq-quiz');

const select = document.getElementById('preview-lang');
function applyLanguage(lang) {
  for (const element of elements()) lang ? element.setAttribute('lang', lang) : element.removeAttribute('lang');
}
select.value = localStorage.getItem(LANG_KEY) ?? '';
applyLanguage(select.value);
select.addEventListener('change', () => {
  localStorage.setItem(LANG_KEY, select.value);
  applyLanguage(select.value);
});

// Start over: delete every record of the preview namespace (keys start with it), then reload.
document.getElementById('preview-start-over').addEventListener('click', async () => {
  await clearNamespace().catch((error) => console.error('sabaq preview: could not clear progress', error));
  sessionStorage.removeItem(SCROLL_KEY);
  location.reload();
});
async function clearNamespace() {
  const database = await new Promise((resolve) => {
    const request = indexedDB.open('sabaq');
    // No database yet: create none (the elements create it at their own version).
    request.onupgradeneeded = () => request.transaction.abort();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(undefined);
  });
  if (!database) return;
  const names = [...database.objectStoreNames];
  if (names.length > 0) {
    await new Promise((resolve, reject) => {
      const transaction = database.transaction(names, 'readwrite');
      const range = IDBKeyRange.bound([NAMESPACE], [NAMESPACE, []]);
      for (const name of names) transaction.objectStore(name).delete(range);
      transaction.oncomplete = resolve;
      transaction.onabort = () => reject(transaction.error);
    });
  }
  database.close();
}

// The problems panel's "Open this lesson" asks the player, as the progress tracker's Continue does.
document.addEventListener('click', (event) => {
  const button = event.target.closest?.('[data-open-lesson]');
  if (!button) return;
  document.dispatchEvent(new CustomEvent('sabaq-continue', {
    detail: { courseId, lessonId: button.dataset.openLesson }, bubbles: true, composed: true, cancelable: true,
  }));
});

// Reload when the server has a newer version (a file was saved, or it restarted).
const events = new EventSource('/events');
events.addEventListener('version', (event) => {
  status.textContent = 'Live: reloads on save';
  status.classList.remove('offline');
  if (event.data !== version) {
    sessionStorage.setItem(SCROLL_KEY, String(scrollY));
    location.reload();
  }
});
events.addEventListener('error', () => {
  status.textContent = 'Disconnected: is sabaq preview still running?';
  status.classList.add('offline');
});

// Back where the author was: the player reopens the last lesson itself; the scroll position is ours.
const scroll = Number(sessionStorage.getItem(SCROLL_KEY));
sessionStorage.removeItem(SCROLL_KEY);
if (scroll > 0) {
  const until = performance.now() + 3000;
  const restore = () => {
    if (document.documentElement.scrollHeight - innerHeight >= scroll || performance.now() > until) scrollTo(0, scroll);
    else requestAnimationFrame(restore);
  };
  requestAnimationFrame(restore);
}
`;
