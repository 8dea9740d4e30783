// Bundles web/live-engine.mjs with yjs and y-protocols (node_modules, scripts/setup.sh) into one
// script the page loads when a live room starts: node web/bundle-live.mjs OUT
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
await esbuild.build({
  entryPoints: [path.join(here, 'live-engine.mjs')],
  nodePaths: [path.join(here, '..', 'node_modules')],
  bundle: true, format: 'iife', target: ['es2019'], minify: true, legalComments: 'none',
  outfile: process.argv[2], logLevel: 'warning',
});
