// @ts-check
/**
 * `npm run lrs`: a Learning Record Store on this computer for the demo academy's "LRS" setting, so that
 * a partner can watch a learner's records arrive. Learning Locker's statements service, the one the
 * tests use, on http://127.0.0.1:8090/xAPI/ (LRS_PORT to change), statements kept in memory until it
 * stops (Ctrl-C). It takes any credentials: it is for trying things on one computer, never for real
 * learners. Each statement it stores is printed as it arrives.
 */
import { startLearningLocker } from './learning-locker.mjs';

const port = Number(process.env.LRS_PORT || 8090);
const endpoint = `http://127.0.0.1:${port}/xAPI/`;
const headers = { Authorization: `Basic ${Buffer.from('demo:demo').toString('base64')}`, 'X-Experience-API-Version': '1.0.3' };

console.log('Starting Learning Locker (it logs "Failed Mongo connection" four times, then serves)…');
const lrs = await startLearningLocker({ port });
console.log(`An LRS is listening at ${endpoint}`);
console.log('In the demo (npm start), set "LRS" to "This computer": each statement stored shows here.');
console.log(`All of them: curl -H 'X-Experience-API-Version: 1.0.3' -u demo:demo '${endpoint}statements'\n`);

let stopping = false;
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    stopping = true;
    void lrs.stop().then(() => process.exit(0));
  });
}

// Statements stored since the last look, oldest first, once a second.
let since = new Date().toISOString();
while (!stopping) {
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  try {
    const query = new URLSearchParams({ since, ascending: 'true', limit: '100' });
    const response = await fetch(`${endpoint}statements?${query}`, { headers });
    const { statements } = /** @type {{ statements: { stored: string, actor: any, verb: { id: string }, object: { id: string } }[] }} */ (
      await response.json()
    );
    for (const statement of statements) {
      const who = statement.actor.account?.name ?? statement.actor.mbox ?? statement.actor.name ?? '?';
      console.log(`${statement.stored}  ${who}  ${statement.verb.id.split('/').pop()}  ${statement.object.id}`);
      since = statement.stored;
    }
  } catch (error) {
    if (!stopping) console.error(`Could not read the LRS's statements: ${error}`);
  }
}
