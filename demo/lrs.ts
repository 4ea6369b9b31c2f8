// The demo's "LRS" setting: learning records go to the LRS that `npm run lrs` starts on this computer,
// through `/xAPI/`, a same-origin proxy of the dev server (vite.config.ts) that adds the LRS's
// credentials itself, as the README recommends: the page holds none, and `auth` is a placeholder.
import type { LrsConnection } from '../src/connect-lrs.js';
import { type SabaqEvent, connectLrs } from '../src/sabaq.js';

/** What a learner does; each is sent at once, so that a partner watches it arrive. */
const LEARNER_ACTIONS = [
  'sabaq-lesson-start',
  'sabaq-lesson-complete',
  'sabaq-quiz-submit',
  'sabaq-course-complete',
  'sabaq-certificate-issue',
];

export interface LrsCounts {
  /** Sent since the page connected. */
  sent: number;
  pending: number;
  rejected: number;
}

/**
 * Connects the namespace's elements to the local LRS and reports the outbox's counts after each
 * delivery. Delivery runs on load, online, when the page is hidden and on a timer; the demo also asks
 * for one after each learner action.
 */
export function connectDemoLrs(namespace: string, report?: (counts: LrsCounts) => void): LrsConnection {
  const connection = connectLrs({ endpoint: new URL('/xAPI/', location.href).href, auth: 'session', namespace });
  let sent = 0;
  const onSync = ({ detail }: SabaqEvent<'sabaq-sync'>) => {
    sent += detail.sent;
    report?.({ ...detail, sent });
  };
  const deliver = () => void connection.flush();
  document.addEventListener('sabaq-sync', onSync);
  for (const type of LEARNER_ACTIONS) document.addEventListener(type, deliver);
  return {
    flush: () => connection.flush(),
    close() {
      document.removeEventListener('sabaq-sync', onSync);
      for (const type of LEARNER_ACTIONS) document.removeEventListener(type, deliver);
      connection.close();
    },
  };
}
