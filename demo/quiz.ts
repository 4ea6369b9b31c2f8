// The quiz page: the elements (imported from ../src like the academy page; an HTML script tag cannot
// reach above Vite's root, demo/) and a log of what the quiz reports.
import '../src/sabaq.js';

const log = document.querySelector('#event-log')!;

for (const type of ['sabaq-quiz-submit', 'sabaq-error']) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    item.textContent = `${type} ${JSON.stringify((event as CustomEvent).detail)}`;
    log.prepend(item);
  });
}
