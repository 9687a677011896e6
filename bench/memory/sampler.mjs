// Preloaded into a measured specgate process (`node --import`): samples its memory every 20 ms and, at exit,
// writes the peaks as JSON to the file named by SPECGATE_MEMORY_OUT. Plain JavaScript: it loads before tsx.
import { writeFileSync } from 'node:fs';

const out = process.env.SPECGATE_MEMORY_OUT;
const peak = { rssMb: 0, heapUsedMb: 0, externalMb: 0, liveHeapMb: 0, cpuS: 0 };
const mb = (n) => Math.round((n / 2 ** 20) * 10) / 10;
const sample = () => {
  const m = process.memoryUsage();
  peak.rssMb = Math.max(peak.rssMb, mb(m.rss));
  peak.heapUsedMb = Math.max(peak.heapUsedMb, mb(m.heapUsed));
  peak.externalMb = Math.max(peak.externalMb, mb(m.external + m.arrayBuffers));
};
// With --expose-gc (bench/memory.ts --live): what the run retains, the heap after a full collection every 5 s.
const live = () => {
  globalThis.gc();
  peak.liveHeapMb = Math.max(peak.liveHeapMb, mb(process.memoryUsage().heapUsed));
};
if (out) {
  setInterval(sample, 20).unref();
  if (typeof globalThis.gc === 'function') setInterval(live, 5000).unref();
  process.on('exit', () => {
    sample();
    // CPU time of the whole process (every thread): steadier than wall time on a shared machine.
    const { userCPUTime, systemCPUTime } = process.resourceUsage();
    peak.cpuS = Math.round((userCPUTime + systemCPUTime) / 1e5) / 10;
    writeFileSync(out, JSON.stringify(peak));
  });
}
