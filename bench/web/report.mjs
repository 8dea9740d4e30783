// Folds the benchmark's measurements into one table, prints it, and writes it into
// docs/performance.md between the "bench:begin" and "bench:end" markers (the text around them,
// the analysis, is kept). Run by scripts/bench.sh:
//   node bench/web/report.mjs --results browser.json --native native.json --dist DIST
//        --hello HELLO_DIR --doc docs/performance.md [--build-type Release]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const opts = { results: '', native: '', dist: '', hello: '', doc: '', 'build-type': 'Release' };
for (let i = 2; i < process.argv.length; i++) opts[process.argv[i].replace(/^--/, '')] = process.argv[++i];

const readJson = (f) => { try { return JSON.parse(fs.readFileSync(f, 'utf8')); } catch (e) { return null; } };
const browser = readJson(opts.results) || {};
const native = readJson(opts.native);
const SIZES = [200, 5000, 20000];

// ---- numbers -------------------------------------------------------------------------------------
const sortedNumbers = (xs) => (xs || []).filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
const median = (xs) => {
  const v = sortedNumbers(xs);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const num = (x, digits) => (x === null || x === undefined ? 'n/a'
  : x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).replace(/,/g, ' '));
const ms = (x) => (x === null || x === undefined ? 'n/a' : num(x, x < 10 ? 1 : 0));
const kb = (bytes) => (bytes < 1024 ? `${bytes} B` : `${num(bytes / 1024, 1)} KB`);
const mb = (bytes) => (bytes === null ? 'n/a' : num(bytes / 1048576, 1));
const met = (ok) => (ok === null || ok === undefined ? 'n/a' : ok ? 'yes' : '**no**');

function gzipSize(file) {
  return execFileSync('gzip', ['-9', '-n', '-c', file], { maxBuffer: 1 << 28 }).length;
}

// ---- 1. what a browser downloads -------------------------------------------------------------------
function downloads(dir, files) {
  const list = [];
  for (const f of files || []) {
    if (f.status !== 200) continue;
    const file = path.join(dir, f.path);
    if (!fs.existsSync(file)) continue;
    list.push({ path: f.path, raw: fs.statSync(file).size, gzip: gzipSize(file) });
  }
  list.sort((a, b) => b.gzip - a.gzip);
  return list;
}
const load = browser.coldLoad || {};
const appFiles = downloads(opts.dist, load.app && load.app.files);
const helloFiles = downloads(opts.hello, load.hello && load.hello.files);
const failedRequests = ((load.app && load.app.files) || []).filter((f) => f.status !== 200);
const sum = (list, k) => list.reduce((a, f) => a + f[k], 0);

// ---- the table -----------------------------------------------------------------------------------
const rows = [];
const row = (n, what, any, bySize, target, ok) => rows.push({ n, what, any: any ?? '', bySize: bySize || ['', '', ''], target: target || '', ok: ok ?? '' });
const notes = [];

for (const f of appFiles) row('1', `download: ${f.path} (raw / gzip)`, `${kb(f.raw)} / ${kb(f.gzip)}`);
const totalGzip = appFiles.length ? sum(appFiles, 'gzip') : null;
row('1', `**download: total, ${appFiles.length} files** (raw / gzip)`,
    appFiles.length ? `${kb(sum(appFiles, 'raw'))} / **${kb(totalGzip)}**` : 'n/a',
    null, '≤ 600 KB gzip', met(totalGzip === null ? null : totalGzip <= 600 * 1024));
// Fonts for other scripts, symbols and emoji (web/fonts.py): not in the first download, each
// fetched only when text needs a character it holds.
const piecesFile = path.join(opts.dist, 'fonts', 'pieces.json');
if (fs.existsSync(piecesFile)) {
  for (const p of JSON.parse(fs.readFileSync(piecesFile, 'utf8'))) {
    const file = path.join(opts.dist, 'fonts', p.file);
    const count = p.codepoints.reduce((a, [lo, hi]) => a + hi - lo + 1, 0);
    row('1', `later, when text needs it: fonts/${p.file}, ${count} characters (raw / gzip)`, `${kb(fs.statSync(file).size)} / ${kb(gzipSize(file))}`);
  }
}
if (helloFiles.length) row('1', 'download: bare ImGui hello, for reference (raw / gzip)', `${kb(sum(helloFiles, 'raw'))} / ${kb(sum(helloFiles, 'gzip'))}`);
if (failedRequests.length) notes.push(`The app also requests ${failedRequests.map((f) => `\`${f.path}\` (HTTP ${f.status})`).join(', ')}.`);

const appFirst = load.app ? median(load.app.firstFrameMs) : null;
const helloFirst = load.hello ? median(load.hello.firstFrameMs) : null;
const ratio = appFirst && helloFirst ? appFirst / helloFirst : null;
// The middle half of the runs, to show how widely cold loads spread on this machine.
const quartiles = (xs) => {
  const v = sortedNumbers(xs);
  return v.length < 4 ? '' : ` (middle half ${ms(v[Math.floor(v.length / 4)])}–${ms(v[Math.ceil(3 * v.length / 4) - 1])})`;
};
row('2', 'cold load → first frame, Trayecto (ms)', ms(appFirst) + quartiles(load.app && load.app.firstFrameMs));
row('2', 'cold load → first frame, bare ImGui hello (ms)', ms(helloFirst) + quartiles(load.hello && load.hello.firstFrameMs));
row('2', '**first frame ratio Trayecto / hello**', ratio === null ? 'n/a' : `**${num(ratio, 2)}**`, null, '≤ 1.3', met(ratio === null ? null : ratio <= 1.3));
if (load.app && load.hello && load.app.timeline && load.hello.timeline) {
  const t = (tl) => [['DOMContentLoaded', tl.domContentLoaded], ['wasm requested', tl.wasmRequested],
                     ['wasm downloaded', tl.wasmDownloaded], ['runtime ready', tl.runtimeReady], ['first frame', tl.firstFrame]]
    .filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => `${k} ${ms(v)}`).join(', ');
  notes.push(`Cold load timeline (medians, ms after navigation start): Trayecto: ${t(load.app.timeline)}` +
    (load.app.configMs ? ` (\`trayecto.config.json\` answered at ${ms(load.app.configMs)})` : '') +
    `. Hello: ${t(load.hello.timeline)} (its runtime is ready once its \`main()\` has created the WebGL context and ImGui).`);
}

const maps = browser.maps || {};
const per = (f) => SIZES.map((c) => (maps[c] ? median(maps[c].runs.map(f)) : null));
const dagger = (c) => (maps[c] && maps[c].bridgeProblem ? ' †' : '');
const bridgeFailed = SIZES.filter((c) => maps[c] && maps[c].bridgeProblem);
if (bridgeFailed.length) {
  notes.push(`† \`trayecto.loadMap(json)\` crashes on the ${bridgeFailed.map((c) => num(c, 0)).join(' and ')}-card maps ` +
    `(\`${maps[bridgeFailed[0]].bridgeProblem}\`): the bridge passes the text through \`ccall\`, which copies ` +
    'it onto the 1 MB wasm stack. Those figures call the same `trayecto_load_map` with the text in ' +
    "`_malloc`'ed memory instead.");
}

const open = per((r) => r.open.totalMs);
row('3', '**open a map: loadMap + next frame drawn (ms)**', '', open.map((x, i) => `**${ms(x)}**${dagger(SIZES[i])}`),
    '≤ 150 ms at 5 000', met(open[1] === null ? null : open[1] <= 150));
row('3', '  of which loadMap() (parse, validate, open)', '', per((r) => r.open.loadMapMs).map(ms));
row('3', '  of which waiting for the next animation frame', '',
    per((r) => Math.max(0, r.open.totalMs - r.open.loadMapMs - (r.open.firstFrameCpuMs || 0))).map(ms));
row('3', '  of which the first frame (CPU)', '', per((r) => r.open.firstFrameCpuMs).map(ms));

const p50 = per((r) => r.frames.cpuP50), p95 = per((r) => r.frames.cpuP95);
row('4', 'frame CPU while panning + zooming, p50 (ms)', '', p50.map(ms));
row('4', '**frame CPU while panning + zooming, p95 (ms)**', '', p95.map((x) => `**${ms(x)}**`),
    '≤ 4 ms at 5 000, ≤ 8 ms at 20 000', met(p95[1] === null || p95[2] === null ? null : p95[1] <= 4 && p95[2] <= 8));
row('4', '  frame time measured inside the wasm (wall clock), p50 / p95 (ms)', '',
    SIZES.map((c, i) => `${ms(per((r) => r.frames.p50)[i])} / ${ms(per((r) => r.frames.p95)[i])}`));
row('4', '  of which in synchronous WebGL queries (waiting for the GPU process), p50 (ms)', '', per((r) => r.frames.glWaitP50).map(ms));
row('4', '  of which in the other WebGL calls, p50 (ms)', '', per((r) => r.frames.glOtherP50).map(ms));
row('4', '  frame time outside WebGL calls (wasm + JS glue, wall clock), p50 / p95 (ms)', '',
    SIZES.map((c, i) => `${ms(per((r) => r.frames.ownP50)[i])} / ${ms(per((r) => r.frames.ownP95)[i])}`));
row('4', '  vertex + index data uploaded per frame, p50 (KB)', '', per((r) => r.frames.uploadP50).map((x) => (x === null || x === undefined ? 'n/a' : num(x / 1024, 0))));
row('4', '  frames drawn in those ~3 s', '', per((r) => r.frames.frames).map((x) => (x === null ? 'n/a' : num(x, 0))));
notes.push('Frame CPU (4): the main thread\'s CPU time in each animation-frame callback while panning and zooming ' +
  '(`tdur` of `FireAnimationFrame` in a Chromium trace: the wasm frame and its JS glue). The time the wasm ' +
  'measures around its own frame is wall clock: on a 2-core machine it also counts the moments the OS runs ' +
  'another process on that core, such as SwiftShader drawing the previous frame in the GPU process, which is ' +
  'why its p95 is higher while the CPU time is not.');

const idle = per((r) => r.idle);
row('5', '**frames drawn in 5 s without input**', '', idle.map((x) => (x === null ? 'n/a' : `**${num(x, 0)}**`)),
    '≤ 5 (≤ 1 frame/s)', met(idle.some((x) => x === null) ? null : idle.every((x) => x <= 5)));

const heap = per((r) => r.open.heapBytes);
row('6', '**wasm heap after opening (MB)**', '', heap.map((x) => `**${mb(x)}**`), '≤ 128 MB at 20 000',
    met(heap[2] === null ? null : heap[2] <= 128 * 1048576));

// 7. autosave: the figure once the app writes to IndexedDB after an edit, else why not.
const saves = maps[5000] ? maps[5000].runs.map((r) => r.autosave).filter(Boolean) : [];
const saved = saves.filter((s) => typeof s.longestTaskMs === 'number');
let autosaveCell = 'n/a (autosave not built yet)', autosaveOk = null;
if (saved.length) {
  const v = median(saved.map((s) => s.longestTaskMs));
  autosaveCell = `**${ms(v)}**`;
  autosaveOk = v <= 16;
  const editFrame = median(saved.map((s) => s.editFrameMs));
  const taskMs = (what) => median(saved.map((s) => Math.max(0, ...s.saveTasks.filter((t) => t.does.includes(what)).map((t) => t.ms))));
  const serializations = median(saved.map((s) => s.saveTasks.filter((t) => t.does.includes('getmap')).length));
  const tasksUntil = median(saved.map((s) => s.tasksUntilWritten));
  notes.push('Autosave (5 000 cards, after deleting a card): the longest main-thread task from the edit\'s frame until ' +
    `the map's IndexedDB write is done, whatever the task does (from a Chromium trace; ${num(tasksUntil, 0)} tasks in that window). ` +
    `The map was serialized ${num(serializations, 0)} time(s) per edit (\`getMap()\`, \`getMapBytes()\` or ` +
    `\`getMapBlob()\`, the last a slice of 1 000 items per task); the task writing it to IndexedDB took ` +
    `${ms(taskMs('idb-write maps'))} ms. The edit's own frame took ${ms(editFrame)} ms (frameTimes()).`);
} else if (saves.length && saves[0].na !== 'autosave not built yet') {
  autosaveCell = `n/a (${saves[0].na})`;
}
row('7', '**autosave after an edit: longest main-thread task until written (ms)**', '', ['', autosaveCell, ''], '≤ 16 ms', met(autosaveOk));

// 7b. typing in place: keydown -> the first frame drawn after it.
const typed = (c) => (maps[c] ? maps[c].runs.map((r) => r.typing).filter((t) => t && typeof t.p95 === 'number') : []);
const typingP95 = SIZES.map((c) => (typed(c).length ? median(typed(c).map((t) => t.p95)) : null));
row('7', '**typing in a card: key → frame drawn, p95 (ms)**', '',
    SIZES.map((c, i) => (c < 5000 ? '' : `**${ms(typingP95[i])}**`)), '≤ 50 ms at 5 000 and 20 000',
    met(typingP95[1] === null || typingP95[2] === null ? null : typingP95[1] <= 50 && typingP95[2] <= 50));
row('7', '  typing, p50 (ms)', '', SIZES.map((c) => (c < 5000 ? '' : ms(typed(c).length ? median(typed(c).map((t) => t.p50)) : null))));
notes.push('Typing (7): a card edited in place on the opened map, 25 characters typed with real key events 80 ms apart; ' +
  'per key, the time from its keydown to the first frame the app drew after it (a capturing listener and an ' +
  'animation-frame callback, so within one frame). 50 ms is what a typist does not notice.');

// 8. native core (Google Benchmark medians of 5 repetitions).
const nativeMs = {};
for (const b of (native && native.benchmarks) || []) {
  if (b.aggregate_name !== 'median') continue;
  const m = /^Sizes\/(\w+)\/(\d+)$/.exec(b.run_name || '');
  if (!m) continue;
  const scale = { ns: 1e-6, us: 1e-3, ms: 1, s: 1e3 }[b.time_unit || 'ns'];
  (nativeMs[m[1]] = nativeMs[m[1]] || {})[m[2]] = b.real_time * scale;
}
const nativeRow = (key, label) => row('8', `native core: ${label} (ms)`, '',
  SIZES.map((c) => (nativeMs[key] && nativeMs[key][c] !== undefined ? ms(nativeMs[key][c]) : 'n/a')));
nativeRow('Load', 'load = parse + validate');
nativeRow('Validate', 'validate');
nativeRow('Save', 'save (serialize)');
nativeRow('Analysis', 'analysis (all panels)');
if (nativeMs.Merge) nativeRow('Merge', 'merge of 4 participants\' copies');
else row('8', 'native core: merge (ms)', '', ['n/a (merge not built yet)', 'n/a', 'n/a']);

// ---- the machine ---------------------------------------------------------------------------------
function machine() {
  let cpu = 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch (e) { /* not Linux */ }
  let emcc = 'unknown';
  try { emcc = execFileSync('emcc', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0].replace(/^emcc \([^)]*\)\s*/, '').replace(/\s*\(\)$/, '').trim(); } catch (e) { /* no emcc */ }
  return {
    cpu, cores: os.cpus().length, ram: `${num(os.totalmem() / 1024 ** 3, 1)} GiB`,
    chromium: browser.browser || 'unknown', emscripten: emcc,
    date: (browser.finished || new Date().toISOString()).replace(/\.\d+Z$/, 'Z'),
    load: browser.loadAverage ? browser.loadAverage.map((x) => num(x, 2)).join(', ') : 'unknown',
  };
}
const M = machine();

const header = '| # | measure | any size | 200 cards | 5 000 cards | 20 000 cards | target | met |\n' +
               '|---|---|---|---|---|---|---|---|';
const table = [header, ...rows.map((r) => `| ${r.n} | ${r.what} | ${r.any} | ${r.bySize.join(' | ')} | ${r.target} | ${r.ok} |`)].join('\n');
const runs = browser.runs || 'n/a';
const slowdown = browser.cpuSlowdown > 1 ? browser.cpuSlowdown : 1;
const section = [
  `Measured ${M.date} on ${M.cpu}, ${M.cores} cores, ${M.ram} RAM; Chromium ${M.chromium} headless ` +
  `(SwiftShader software WebGL2), viewport 1280×800 at devicePixelRatio 1; Emscripten ${M.emscripten}, ` +
  `\`${opts['build-type']}\` build; load average when the browser runs started: ${M.load}.` +
  (slowdown > 1 ? ` **Every page ran ${slowdown}× slower** (CDP \`Emulation.setCPUThrottlingRate\` ${slowdown}): ` +
    'a slow laptop. The native core (8) is not slowed.' : ''),
  '',
  `Each figure is the median of ${runs} runs (cold loads: ${browser.coldRuns || runs} of each page, alternating; ` +
  'native: median of 5 repetitions). Sizes are of the files the ' +
  'browser actually requested on a cold load, compressed with `gzip -9`.',
  '',
  table,
  ...(notes.length ? ['', ...notes.map((n) => `- ${n}`)] : []),
].join('\n');

console.log('\n' + section + '\n');

// ---- docs/performance.md ---------------------------------------------------------------------------
if (opts.doc) {
  // A slowed run (CPU_SLOWDOWN) has a section of its own: bench-slow:begin ... bench-slow:end.
  const mark = slowdown > 1 ? 'bench-slow' : 'bench';
  const BEGIN = `<!-- ${mark}:begin (written by scripts/bench.sh; edits between these markers are overwritten) -->`;
  const END = `<!-- ${mark}:end -->`;
  let doc = fs.existsSync(opts.doc) ? fs.readFileSync(opts.doc, 'utf8') : '';
  const block = `${BEGIN}\n${section}\n${END}`;
  const b = doc.indexOf(`<!-- ${mark}:begin`), e = doc.indexOf(END);
  if (b >= 0 && e > b) doc = doc.slice(0, b) + block + doc.slice(e + END.length);
  else if (doc && slowdown > 1) doc = `${doc.trimEnd()}\n\n## On a slow laptop (\`CPU_SLOWDOWN=${slowdown} scripts/bench.sh\`)\n\n${block}\n`;
  else doc = `# Performance\n\nRun \`scripts/bench.sh\` to measure again (about 6–10 minutes; not part of CI).\n\n${block}\n${doc ? '\n' + doc : ''}`;
  fs.writeFileSync(opts.doc, doc);
  console.error(`[report] table written to ${opts.doc}`);
}
