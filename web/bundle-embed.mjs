// Writes trayecto-embed.js, one script for pages that embed Trayecto (and for index.html): the
// Emscripten module, then the page's scripts, one after another, minified by esbuild (spaces,
// syntax and local names; the globals the parts share keep theirs). Minified, it is 33 KB gzip
// instead of 56: the first download's budget is 600 KB.
//   node web/bundle-embed.mjs OUT PART...
import fs from 'node:fs';
import esbuild from 'esbuild';

const [out, ...parts] = process.argv.slice(2);
const text = parts.map((part) => fs.readFileSync(part, 'utf8')).join('\n');
const { code } = esbuild.transformSync(text, { minify: true, target: ['es2019'], logLevel: 'warning' });
fs.writeFileSync(out + '.tmp', code);
fs.renameSync(out + '.tmp', out);
