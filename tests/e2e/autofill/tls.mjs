// One port that speaks both http and https (the first byte of a connection tells TLS apart), so a
// test can load the same host and port over either scheme. The certificate is self-signed, made
// at test time with openssl, for the names given; Chromium then needs --ignore-certificate-errors.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttp } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { connect, createServer as createNet } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { staticHandler } from '../server.mjs';

const TLS_HANDSHAKE = 0x16;

/** A throwaway self-signed certificate for `names` (DNS names), valid for one day. */
function selfSigned(names) {
  const dir = mkdtempSync(join(tmpdir(), 'keyfob-tls-'));
  try {
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    const san = names.map((n) => `DNS:${n}`).join(',');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1'].concat([
        '-subj',
        `/CN=${names[0]}`,
        '-addext',
        `subjectAltName=${san}`,
      ]),
      { stdio: 'ignore' },
    );
    return { key: readFileSync(key), cert: readFileSync(cert) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Serves the files of `root` on 127.0.0.1 over http and https on one random port.
 * @param {string} root
 * @param {string[]} names the DNS names the certificate covers
 */
export async function serveBothSchemes(root, names) {
  const handler = staticHandler(root);
  const plain = createHttp(handler);
  const secure = createHttps(selfSigned(names), handler);
  // Each scheme's server listens on its own hidden port; the front port pipes each connection to
  // the one its first byte asks for (TLS sockets read below Node's stream buffer, so no unshift).
  await Promise.all([plain, secure].map((s) => new Promise((r) => s.listen(0, '127.0.0.1', r))));
  const sockets = new Set();
  const track = (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const front = createNet((socket) => {
    track(socket);
    socket.once('data', (first) => {
      const to = connect((first[0] === TLS_HANDSHAKE ? secure : plain).address().port, '127.0.0.1');
      track(to);
      to.write(first);
      socket.pipe(to).pipe(socket);
    });
  });
  await new Promise((r) => front.listen(0, '127.0.0.1', r));
  const { port } = front.address();
  return {
    port,
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        plain.closeAllConnections();
        secure.closeAllConnections();
        plain.close();
        secure.close();
        front.close(r);
      }),
  };
}
