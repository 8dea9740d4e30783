// The soak test, once, for 30 s (scripts/soak.sh N runs it N times for 60 s).
import { assertEqual } from './harness.mjs';
import { loadCpus, soakRun } from './soak.mjs';

export const tests = [
  {
    name: 'soak: three tabs of one map, random real-input edits, reloads and closes, both cores busy: 0 edits lost, 0 writes while idle',
    timeout: 180,
    async run({ browser, url }) {
      const stopLoad = loadCpus();
      const seed = Date.now() % 100000;
      let result;
      try {
        result = await soakRun({ browser, url: url + '?lang=es', seconds: Number(process.env.SOAK_SECONDS || 30), seed });
      } finally {
        stopLoad();
      }
      console.log(`      seed ${seed}: edits made ${result.made}, edits lost ${result.lost}, writes while idle ${result.idleWrites}`);
      assertEqual(result.lost, 0, 'edits lost (' + result.lostTokens.join(' ') + ')');
      assertEqual(result.idleWrites, 0, 'storage writes while every tab is idle');
      assertEqual(result.errors.join(' | '), '', 'page errors');
    },
  },
];
