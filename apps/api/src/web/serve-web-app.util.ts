import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where `npx nx run web:build` puts the built app. */
export const WEB_DIST_DIR = resolve(__dirname, '../../../../dist/web');

/**
 * Serves the built web app at `/` (same origin as `/api`, so the session cookie and CSRF header
 * work unchanged). Any other GET outside /api answers index.html: the app's router owns those paths
 * (e-mail links such as /cycles/:id/events/:id and /reset-password land there).
 */
export function serveWebApp(app: INestApplication, dir = WEB_DIST_DIR): void {
  const http = app as NestExpressApplication;
  const index = join(dir, 'index.html');
  // Hashed assets never change under the same name; index.html must always be fresh.
  http.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  http.use(express.static(dir, { index: false }));
  http.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path === '/api' || req.path.startsWith('/api/')) {
      next();
      return;
    }
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('Веб-приложение не собрано: выполните npx nx run web:build (infra/start.sh делает это сам).');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
