/**
 * Two tabs of one site connected to the LRS share the outbox in IndexedDB: one delivers at a time (a
 * Web Lock), so each statement reaches the LRS once. The second tab is a same-origin iframe, another
 * document with its own JavaScript realm, as a tab is (WebDriver cannot open one in WebKit).
 */
import { expect } from '@open-wc/testing';
import { connectLrs } from '../../../src/connect-lrs.js';
import { openStore } from '../../../src/lib/store/index.js';
import { storeOutbox } from '../../../src/lib/xapi/outbox.js';
import { lessonAttempted } from '../../../src/lib/xapi/statements.js';
import { freshNamespace } from '../../components/helpers.js';
import { lrsLog, lrsStatements, newAgent, startLrs } from '../../lib/xapi/lrs.js';
import { hideWebLocks } from './tab-actions.js';

type FrameWindow = Window & { sabaqCall(module: string, name: string, args: unknown[]): Promise<unknown> };

describe('two tabs connected to the LRS', function () {
  this.timeout(60_000);
  let frame: HTMLIFrameElement;

  before(async () => {
    frame = document.createElement('iframe');
    frame.hidden = true;
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = '/__sabaq__/tab.html';
    document.body.append(frame);
    await loaded;
  });

  after(() => {
    frame.remove();
    delete (navigator as { locks?: unknown }).locks; // Web Locks back, for the tests after these.
  });

  for (const locks of ['with Web Locks', 'without Web Locks (a claim in localStorage)']) {
    it(`deliver each statement once, ${locks}`, async () => {
      if (locks.startsWith('without')) {
        hideWebLocks();
        await (frame.contentWindow as FrameWindow).sabaqCall('/test/internal/lrs/tab-actions.ts', 'hideWebLocks', []);
      }
      const lrs = await startLrs();
      const namespace = freshNamespace();
      const actor = newAgent();
      const course = { url: 'https://partner.example/courses/export/course.md', title: 'Export', lang: 'en' };
      const made = Array.from({ length: 30 }, (_, i) =>
        lessonAttempted({ actor, timestamp: Date.now() + i }, course, { id: `l${i}`, title: `L${i}` }),
      );
      await storeOutbox(openStore({ namespace })).add(made);
      const posted = (await lrsLog()).length;

      // Both tabs connect at once, and each starts delivering the shared outbox.
      const connection = connectLrs({ ...lrs, namespace });
      await Promise.all([
        connection.flush(),
        (frame.contentWindow as FrameWindow).sabaqCall('/test/internal/lrs/tab-actions.ts', 'connectAndFlush', [{ ...lrs, namespace }]),
      ]);

      expect(await connection.flush()).to.deep.equal({ pending: 0, sent: 0, rejected: 0 });
      const ids = made.map((statement) => statement.id).sort();
      expect((await lrsStatements(actor)).map((statement) => statement.id).sort()).to.deep.equal(ids);
      const accepted = (await lrsLog()).slice(posted).flatMap((request) => request.ids);
      expect(accepted.sort()).to.deep.equal(ids);
      connection.close();
    });
  }
});
