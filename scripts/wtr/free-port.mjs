// @ts-check
import { createServer } from 'node:net';

/**
 * A TCP port free on 127.0.0.1 right now, picked by the kernel. web-test-runner's own choice (the
 * first free port from 8000) races with other runs on the same machine.
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
