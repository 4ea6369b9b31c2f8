// Preloaded (`node -r`) into Learning Locker's statements service, which has no host option and would
// listen on every interface: a listen() on a bare port number listens on 127.0.0.1 only.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a preload for node -r must be CommonJS
const net = require('node:net');

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  if (typeof args[0] === 'number' && typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  return listen.apply(this, args);
};
