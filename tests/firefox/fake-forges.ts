/**
 * The forges' APIs as Firefox's extension background meets them, on this machine: a local HTTPS server on
 * 127.0.0.1:443 with a throw-away self-signed certificate, the hosts mapped to it by Firefox's
 * `network.dns.localDomains` and the certificate accepted for the session (`acceptInsecureCerts`). Puppeteer's
 * request interception only sees a page's own requests; what the extension asks from its background reaches this
 * server, which answers from a table and records every request (so "no request" is measured, not assumed).
 * Needs port 443 (root, as CI runs) and `openssl`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FAKE_FORGE_HOSTS = ['api.github.com', 'raw.githubusercontent.com', 'gitlab.com', 'gitlab.inria.fr'];

export interface FakeForges {
  /** Every URL asked, in order. */
  seen: string[];
  /** URL → answer; anything else is a 404 as the forges give it. */
  answers: Map<string, { status?: number; body: unknown }>;
  close(): Promise<void>;
}

export async function startFakeForges(): Promise<FakeForges> {
  const dir = mkdtempSync(join(tmpdir(), 'ospo-lens-ff-cert-'));
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${FAKE_FORGE_HOSTS[0]}`, '-addext', `subjectAltName=${FAKE_FORGE_HOSTS.map((h) => `DNS:${h}`).join(',')}`, '-keyout', key, '-out', cert], { stdio: 'ignore' });
  const forges: FakeForges = { seen: [], answers: new Map(), close: async () => undefined };
  const server = https.createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const url = `https://${req.headers.host}${req.url}`;
    forges.seen.push(url);
    const answer = forges.answers.get(url);
    // The real APIs allow any origin; the extension's background reads them cross-origin.
    const headers = { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' };
    res.writeHead(answer?.status ?? (answer ? 200 : 404), headers);
    res.end(JSON.stringify(answer ? answer.body : { message: 'Not Found' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e) => reject(new Error(`the fake forges need port 443 on 127.0.0.1 (root): ${(e as Error).message}`)));
    server.listen(443, '127.0.0.1', () => resolve());
  });
  forges.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
      rmSync(dir, { recursive: true, force: true });
    });
  return forges;
}
