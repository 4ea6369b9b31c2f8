// The quiz page: the elements (imported from ../src like the academy page; an HTML script tag cannot
// reach above Vite's root, demo/) and a log of what the quiz reports. With the academy's "LRS" setting
// on, the quiz's attempts go to the LRS too.
import '../src/sabaq.js';
import { connectDemoLrs } from './lrs.js';

const log = document.querySelector('#event-log')!;

for (const type of ['sabaq-quiz-submit', 'sabaq-error', 'sabaq-sync']) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    item.textContent = `${type} ${JSON.stringify((event as CustomEvent).detail)}`;
    log.prepend(item);
  });
}

try {
  if (JSON.parse(localStorage.getItem('sabaq-demo-settings') ?? '{}').lrs === 'local') connectDemoLrs('demo');
} catch {
  // Private browsing: no settings, no LRS.
}
