// The job pool behind `npm test`, `npm run test:e2e` and `npm run test:firefox`. Every check is a
// job: a child process in its own process group, its output held and printed in one block when it
// ends (so two jobs side by side never interleave), killed when it outlives the per-job timeout,
// and timed. Jobs run KEYFOB_TEST_JOBS at a time (default 2, this project's CI machine has two
// cores), longest first by the durations of the last run; `needs` orders them and a `lock` keeps
// jobs that rewrite a shared folder (wxt build and .wxt/) away from jobs that read it.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** How many jobs run at once; how long one may take before it is killed and counted failed. */
const CONCURRENCY = positive(process.env.KEYFOB_TEST_JOBS, 2);
const JOB_TIMEOUT_MS = positive(process.env.KEYFOB_JOB_TIMEOUT_MIN, 20) * 60_000;

const REPORTER = fileURLToPath(new URL('./count-reporter.mjs', import.meta.url));
const CACHE = join('node_modules', '.cache', 'keyfob-tests', 'durations.json');
const running = new Set();

function positive(value, fallback) {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** Ctrl+C or a CI cancel reaches only our own process group: pass it on to every job's group. */
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of running) killGroup(child, 'SIGTERM');
    process.exit(130);
  });
}

/**
 * Signals the job's process group and the groups of everything it started: Playwright and
 * Puppeteer start browsers in process groups of their own, which a signal to the job's group
 * alone would leave running.
 */
function killGroup(child, signal) {
  const groups = new Set([child.pid]);
  try {
    const table = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,pgid='], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/).map(Number));
    const tree = new Set([child.pid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, ppid] of table)
        if (tree.has(ppid) && !tree.has(pid)) {
          tree.add(pid);
          grew = true;
        }
    }
    for (const [pid, , pgid] of table) if (tree.has(pid)) groups.add(pgid);
  } catch {
    // no ps: the job's own group still gets the signal
  }
  for (const pgid of groups) {
    try {
      process.kill(-pgid, signal);
    } catch {
      // already gone
    }
  }
}

/**
 * Runs `cmd` in a process group of its own (browsers it starts included), collecting its output;
 * after `timeoutMs` the group gets SIGTERM (Playwright then closes its browsers), 10 s later SIGKILL.
 * With `live` the output is also streamed as it comes (one job at a time: nothing to interleave).
 * @returns {Promise<{ code: number | null, timedOut: boolean, output: string }>}
 */
export function exec(cmd, args, { env = {}, timeoutMs = JOB_TIMEOUT_MS, live = false } = {}) {
  return new Promise((done) => {
    const chunks = [];
    const child = spawn(cmd, args, {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    running.add(child);
    const keep = (chunk) => {
      chunks.push(chunk);
      if (live) process.stdout.write(chunk);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    let killer;
    const timer = setTimeout(() => {
      timedOut = true;
      keep(`\n!! killed: still running after ${timeoutMs / 60_000} min (KEYFOB_JOB_TIMEOUT_MIN)\n`);
      killGroup(child, 'SIGTERM');
      killer = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
    }, timeoutMs);
    const end = (code) => {
      clearTimeout(timer);
      clearTimeout(killer);
      running.delete(child);
      done({ code, timedOut, output: Buffer.concat(chunks.map((c) => Buffer.from(c))).toString() });
    };
    child.on('error', (e) => {
      keep(`${cmd}: ${e.message}\n`);
      end(null);
    });
    child.on('close', end);
  });
}

/** A job that is one check (typecheck, lint, a build): one pass or one failure. */
export function commandJob(name, cmd, args, extra = {}) {
  return {
    name,
    suite: name,
    ...extra,
    async run({ live }) {
      const r = await exec(cmd, args, { live });
      const ok = r.code === 0 && !r.timedOut;
      return { passed: ok ? 1 : 0, failed: ok ? 0 : 1, output: `$ ${cmd} ${args.join(' ')}\n${r.output}` };
    },
  };
}

/**
 * One node:test file as a job: spec output for people, and every test's outcome appended to a
 * file as it happens (tests/count-reporter.mjs), so a killed job still counts what it finished. A
 * file that fails to load or crashes is one failure; so is a killed job or a non-zero exit with
 * no failed test to explain it.
 */
export function nodeTestJob(file, { suite, env = {}, ...extra }) {
  return {
    name: relative(process.cwd(), file),
    suite,
    // Before a first run has timed it: longer files tend to run longer (a rough ordering hint).
    estimate: statSync(file).size * 8,
    ...extra,
    async run({ live }) {
      const counts = join(tmpdir(), `keyfob-counts-${process.pid}-${Math.random().toString(36).slice(2)}`);
      writeFileSync(counts, '');
      const args = [
        '--test',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        `--test-reporter=${REPORTER}`,
        '--test-reporter-destination=stdout',
        file,
      ];
      const r = await exec(process.execPath, args, { env: { ...env, KEYFOB_COUNT_FILE: counts }, live });
      const lines = readFileSync(counts, 'utf8').split('\n');
      rmSync(counts, { force: true });
      const passed = lines.filter((l) => l === 'pass').length;
      let failed = lines.filter((l) => l === 'fail').length;
      const skipped = lines.filter((l) => l === 'skip').length;
      if (r.timedOut || (r.code !== 0 && failed === 0)) failed++;
      if (passed + failed === 0) failed++; // a file that ran no test at all did not test anything
      return { passed, failed, skipped, output: r.output };
    },
  };
}

function loadDurations() {
  try {
    return JSON.parse(readFileSync(CACHE, 'utf8'));
  } catch {
    return {};
  }
}

function saveDurations(durations) {
  try {
    mkdirSync(join(CACHE, '..'), { recursive: true });
    writeFileSync(CACHE, JSON.stringify(durations, null, 1));
  } catch {
    // a read-only checkout only loses the ordering hint
  }
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Whether `job` may start next to the running ones: a 'write' lock excludes every other holder. */
function lockFree(job, active) {
  const [resource, mode] = job.lock ?? [];
  if (!resource) return true;
  return active.every((a) => a.lock?.[0] !== resource || (mode === 'read' && a.lock[1] === 'read'));
}

/**
 * Runs `jobs` ({ name, suite, run, needs?, lock?, first?, estimate? }) `concurrency` at a time.
 * A job whose `needs` failed is not run; its suite gets one failure for it. Among jobs ready to
 * start, `first` ones go first, then the longest by the last run's durations (else `estimate`).
 * @returns {Promise<{ name: string, suite: string, passed: number, failed: number, ms: number }[]>}
 */
export async function runJobs(jobs, { concurrency = CONCURRENCY } = {}) {
  const last = loadDurations();
  const expected = (j) => last[j.name] ?? j.estimate ?? 60_000;
  const live = concurrency === 1;
  const results = new Map();
  const pending = [...jobs];
  const active = [];
  const started = Date.now();
  console.log(
    `Running ${jobs.length} jobs, ${concurrency} at a time (KEYFOB_TEST_JOBS); ` +
      `each may take ${JOB_TIMEOUT_MS / 60_000} min (KEYFOB_JOB_TIMEOUT_MIN).`,
  );

  const names = new Set(jobs.map((j) => j.name));
  const ok = (name) => results.get(name)?.failed === 0 && !results.get(name)?.blocked;
  const settle = () => {
    // Jobs behind a failed (or blocked, or missing) need are not run.
    for (const j of [...pending]) {
      const broken = (j.needs ?? []).find((n) => !names.has(n) || (results.has(n) && !ok(n)));
      if (!broken) continue;
      pending.splice(pending.indexOf(j), 1);
      results.set(j.name, { name: j.name, suite: j.suite, passed: 0, failed: 0, ms: 0, blocked: broken });
      console.log(`\n── ${j.name}: not run, ${broken} did not pass`);
    }
  };

  await new Promise((allDone) => {
    const pump = () => {
      settle();
      if (!pending.length && !active.length) return allDone();
      const ready = pending
        .filter((j) => (j.needs ?? []).every(ok))
        .sort((a, b) => Number(!!b.first) - Number(!!a.first) || expected(b) - expected(a));
      if (!active.length && !ready.length) {
        // Only jobs that wait for each other are left: a cycle in `needs`; none of them can run.
        for (const j of pending.splice(0))
          results.set(j.name, {
            name: j.name,
            suite: j.suite,
            passed: 0,
            failed: 0,
            ms: 0,
            blocked: 'a cycle',
          });
        return allDone();
      }
      for (const job of ready) {
        if (active.length >= concurrency) break;
        if (!lockFree(job, active)) continue;
        pending.splice(pending.indexOf(job), 1);
        active.push(job);
        const t0 = Date.now();
        console.log(`\n▶ ${job.name}`);
        job
          .run({ live })
          .catch((e) => ({ passed: 0, failed: 1, output: `${e?.stack ?? e}\n` }))
          .then((r) => {
            const ms = Date.now() - t0;
            active.splice(active.indexOf(job), 1);
            results.set(job.name, { name: job.name, suite: job.suite, ...r, ms, output: undefined });
            const skipped = r.skipped ? `, ${r.skipped} skipped` : '';
            const line = `${job.name}: ${r.passed} passed, ${r.failed} failed${skipped} (${seconds(ms)})`;
            if (live) console.log(`■ ${line}`);
            else console.log(`\n┌── ${job.name}\n${r.output.trimEnd()}\n└── ${line}`);
            pump();
          });
      }
    };
    pump();
  });

  const all = jobs.map((j) => results.get(j.name));
  saveDurations({ ...last, ...Object.fromEntries(all.filter((r) => !r.blocked).map((r) => [r.name, r.ms])) });
  console.log(`\nDurations (wall ${seconds(Date.now() - started)}):`);
  for (const r of [...all].sort((a, b) => b.ms - a.ms))
    console.log(
      `  ${seconds(r.ms).padStart(8)}  ${r.name}${r.blocked ? ` (not run: ${r.blocked} did not pass)` : ''}`,
    );
  return all;
}

/**
 * Adds results up per suite (a suite with a job that could not run counts one failure for it),
 * prints them, and ends with the closing line CI reads: `N passed, N failed`. Returns the exit code.
 */
export function summarize(results, suites) {
  console.log('\nSuites:');
  let passed = 0;
  let failed = 0;
  for (const suite of suites) {
    const mine = results.filter((r) => r.suite === suite);
    const p = mine.reduce((n, r) => n + r.passed, 0);
    const f = mine.reduce((n, r) => n + r.failed, 0) + (mine.some((r) => r.blocked) || !mine.length ? 1 : 0);
    const ms = mine.reduce((n, r) => n + r.ms, 0);
    console.log(
      `  ${suite.padEnd(10)} ${p} passed, ${f} failed (${mine.length} jobs, ${seconds(ms)} together)`,
    );
    passed += p;
    failed += f;
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}
