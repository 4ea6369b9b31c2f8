/**
 * connectLrs from the built `dist/sabaq.js` (npm test builds it first; run alone, build it with
 * `npx vite build --mode bundle`): the connection's code is a file beside the bundle, loaded from the
 * bundle's own URL only when a page connects.
 */
import { expect } from '@open-wc/testing';
import { freshNamespace } from '../../components/helpers.js';
import { startLrs } from '../../lib/xapi/lrs.js';

describe('connectLrs from dist/sabaq.js', function () {
  this.timeout(30_000);

  it('loads the connection from beside the bundle only when a page connects', async () => {
    const bundle = new URL('/dist/sabaq.js', location.href).href;
    const loaded = () => performance.getEntriesByType('resource').filter((entry) => /\/dist\/sabaq-connection-[^/]*\.js$/.test(entry.name));
    const { connectLrs } = (await import(/* @vite-ignore */ bundle)) as typeof import('../../../src/sabaq.js');
    expect(loaded()).to.have.length(0);

    const connection = connectLrs({ ...(await startLrs()), namespace: freshNamespace() });
    expect(await connection.flush()).to.deep.equal({ pending: 0, sent: 0, rejected: 0 });
    connection.close();
    expect(loaded()).to.have.length(1);
  });
});
