/**
 * A tiny static file server for dist/ on 127.0.0.1 (random port), so the
 * e2e run needs no dev server, certificates or network.
 */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';

const TYPEN: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.map': 'application/json',
};

export interface StatischerServer {
  readonly url: string;
  schliessen(): Promise<void>;
}

export async function starteServer(wurzel: string): Promise<StatischerServer> {
  const basis = path.resolve(wurzel);
  const server = http.createServer((req, res) => {
    const pfad = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const datei = path.resolve(basis, `.${pfad === '/' ? '/taskpane.html' : pfad}`);
    if (!datei.startsWith(basis + path.sep) || !fs.existsSync(datei) || !fs.statSync(datei).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Nicht gefunden');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPEN[path.extname(datei)] ?? 'application/octet-stream' });
    fs.createReadStream(datei).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    schliessen: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
