// The dashboard benchmark. For each size it generates the demo data set and imports the same CSV
// into ImaGross, DuckDB and SQLite. Then it runs the eight queries on each (warm, median of the
// runs), checks that all engines return identical results, and prints the medians and ratios.
// bench/run.sh builds the programs and calls this script.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { QUERY_NAMES, RATIO_COLUMNS } from './queries.mjs';
import {
  importDuckdb,
  importImagross,
  importSqlite,
  queryDuckdb,
  queryImagross,
  querySqlite,
  runProgram,
} from './engines.mjs';

// The benchmark's window: the last 12 months of the demo data, and the store of the one-store
// runs. `to` is the last day included.
const WINDOW = {
  from: '2025-12-01',
  to: '2026-11-30',
  toExclusive: '2026-12-01',
  reference: '2026-11-30',
  store: 'PV07',
};

const RELATIVE_TOLERANCE = 1e-9;

function options() {
  const { values } = parseArgs({
    options: {
      lines: { type: 'string', default: '1000000,5000000' },
      runs: { type: 'string', default: '5' },
      'import-runs': { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      imagross: { type: 'string' },
      'engine-bench': { type: 'string' },
      sqlite3: { type: 'string', default: 'sqlite3' },
      out: { type: 'string', default: path.join(import.meta.dirname ?? '.', 'out') },
    },
  });
  if (!values.imagross || !values['engine-bench']) {
    throw new Error('give --imagross and --engine-bench (bench/run.sh does)');
  }
  return {
    sizes: values.lines.split(',').map((text) => Number(text.trim())),
    runs: Number(values.runs),
    importRuns: Number(values['import-runs']),
    seed: values.seed,
    imagross: path.resolve(values.imagross),
    engineBench: path.resolve(values['engine-bench']),
    sqlite3: values.sqlite3,
    out: path.resolve(values.out),
  };
}

// The run with the median time, with every run's time beside it.
function medianRun(runs) {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  return { ...median, runs_seconds: runs.map((run) => run.seconds) };
}

function firstLine(text) {
  return text.split('\n')[0].trim();
}

function machine() {
  const release = fs.readFileSync('/etc/os-release', 'utf8');
  const cpuModel = os.cpus()[0]?.model ?? 'unknown';
  return {
    cpu: cpuModel,
    cores: os.cpus().length,
    memory_gib: Math.round(os.totalmem() / 2 ** 30),
    os: release.match(/^PRETTY_NAME="?([^"\n]*)"?/m)?.[1] ?? 'unknown',
    kernel: os.release(),
    compiler: firstLine(runProgram('g++', ['--version']).stdout),
    node: process.version,
  };
}

// Compares one engine's rows with the reference's; returns descriptions of the differences.
function differences(reference, other, scope) {
  const found = [];
  for (const name of QUERY_NAMES) {
    const expected = reference[scope].results[name];
    const actual = other[scope].results[name];
    if (expected.length !== actual.length) {
      found.push(`${scope} ${name}: ${expected.length} rows against ${actual.length}`);
      continue;
    }
    const ratioColumns = RATIO_COLUMNS[name] ?? [];
    expected.forEach((row, r) => {
      row.forEach((value, c) => {
        const theirs = actual[r][c];
        const same = ratioColumns.includes(c)
          ? Math.abs(Number(value) - Number(theirs)) <=
            RELATIVE_TOLERANCE * Math.max(1, Math.abs(Number(value)))
          : String(value ?? '') === String(theirs ?? '');
        if (!same) {
          found.push(`${scope} ${name} row ${r} column ${c}: ${value} against ${theirs}`);
        }
      });
    });
  }
  return found;
}

function checkAnswers(engine, others) {
  let failed = false;
  for (const other of others) {
    for (const scope of ['all_stores', 'store']) {
      const found = differences(engine, other, scope);
      if (found.length > 0) {
        failed = true;
        console.error(`RESULTS DIFFER between imagross and ${other.engine}:`);
        found.slice(0, 20).forEach((line) => console.error(`  ${line}`));
      }
    }
  }
  if (failed) {
    throw new Error('the engines returned different results (listed above)');
  }
  console.log(`results: identical on all eight queries, all stores and store ${WINDOW.store}`);
}

function pad(text, width) {
  return String(text).padStart(width);
}

function printSize(result) {
  const { lines, imports, queries } = result;
  const ours = queries.imagross.all_stores.total_seconds;
  const load = result.load_average;
  console.log(
    `\n${lines.toLocaleString('en-US')} lines (1-minute load average ` +
      `${load.before.toFixed(1)} before, ${load.after.toFixed(1)} after)`,
  );
  console.log(
    `${'engine'.padEnd(10)}${pad('import s', 10)}${pad('8 queries s', 13)}` +
      `${pad('x imagross', 12)}${pad(`${WINDOW.store} s`, 10)}`,
  );
  for (const engine of ['imagross', 'duckdb', 'sqlite']) {
    const total = queries[engine].all_stores.total_seconds;
    console.log(
      `${engine.padEnd(10)}${pad(imports[engine].seconds.toFixed(2), 10)}` +
        `${pad(total.toFixed(4), 13)}${pad((total / ours).toFixed(1), 12)}` +
        `${pad(queries[engine].store.total_seconds.toFixed(4), 10)}`,
    );
  }
  console.log(`\nper query, median ms (all stores)`);
  console.log(
    `${'query'.padEnd(14)}${pad('imagross', 10)}${pad('duckdb', 10)}${pad('sqlite', 10)}`,
  );
  for (const name of QUERY_NAMES) {
    const ms = (engine) => (queries[engine].all_stores.query_seconds[name] * 1000).toFixed(2);
    console.log(
      `${name.padEnd(14)}${pad(ms('imagross'), 10)}${pad(ms('duckdb'), 10)}` +
        `${pad(ms('sqlite'), 10)}`,
    );
  }
  console.log(
    `\nimagross engine: ${queries.imagross.bytes_per_line.toFixed(1)} bytes per line ` +
      `(${(queries.imagross.memory_bytes / 2 ** 20).toFixed(1)} MiB), load from the database ` +
      `${queries.imagross.load_seconds.toFixed(2)} s`,
  );
}

async function runSize(settings, lines) {
  // Other work on the machine slows every engine; the load averages tell how busy it was.
  const loadBefore = os.loadavg()[0];
  const directory = path.join(settings.out, String(lines));
  fs.mkdirSync(directory, { recursive: true });
  console.log(`\n=== ${lines} lines: generating the demo data set`);
  runProgram(settings.imagross, [
    'demo-data',
    '--lines',
    String(lines),
    '--out',
    directory,
    '--seed',
    settings.seed,
  ]);
  const csv = path.join(directory, 'sales.csv');
  fs.readFileSync(csv); // every import then reads the file from the page cache

  // Imports are timed several times, ImaGross and DuckDB alternating so that a busy moment of
  // the machine hits both, and each keeps its median. SQLite, far behind, is timed once.
  console.log(`importing: imagross and duckdb ${settings.importRuns} times each, sqlite once`);
  const runs = { imagross: [], duckdb: [] };
  for (let run = 0; run < settings.importRuns; run++) {
    runs.imagross.push(
      importImagross({
        imagross: settings.imagross,
        csv,
        database: path.join(directory, 'imagross.db'),
      }),
    );
    runs.duckdb.push(await importDuckdb({ csv, database: path.join(directory, 'duckdb.db') }));
  }
  const imports = {
    imagross: medianRun(runs.imagross),
    duckdb: medianRun(runs.duckdb),
    sqlite: importSqlite({
      sqlite3: settings.sqlite3,
      csv,
      database: path.join(directory, 'sqlite.db'),
    }),
  };

  console.log('querying: imagross, duckdb, sqlite');
  const queries = {
    imagross: queryImagross({
      engineBench: settings.engineBench,
      database: path.join(directory, 'imagross.db'),
      window: WINDOW,
      runs: settings.runs,
    }),
    duckdb: await queryDuckdb({
      database: path.join(directory, 'duckdb.db'),
      window: WINDOW,
      runs: settings.runs,
    }),
    sqlite: querySqlite({
      sqlite3: settings.sqlite3,
      database: path.join(directory, 'sqlite.db'),
      window: WINDOW,
      runs: settings.runs,
      storeRuns: 1,
    }),
  };
  if (queries.imagross.lines !== imports.duckdb.rows) {
    throw new Error(
      `imagross loaded ${queries.imagross.lines} lines but the CSV has ` +
        `${imports.duckdb.rows} rows: ${imports.imagross.summary}`,
    );
  }
  checkAnswers(queries.imagross, [queries.duckdb, queries.sqlite]);
  const loadAverage = { before: loadBefore, after: os.loadavg()[0] };
  return { lines, load_average: loadAverage, imports, queries };
}

async function main() {
  const settings = options();
  const report = { machine: machine(), window: WINDOW, runs: settings.runs, sizes: [] };
  for (const lines of settings.sizes) {
    report.sizes.push(await runSize(settings, lines));
  }
  report.versions = {
    duckdb: report.sizes[0]?.queries.duckdb.version,
    sqlite: report.sizes[0]?.queries.sqlite.version,
  };
  console.log('\n=== results');
  console.log(JSON.stringify(report.machine));
  console.log(JSON.stringify(report.versions));
  report.sizes.forEach(printSize);
  const file = path.join(settings.out, 'results.json');
  fs.writeFileSync(file, JSON.stringify(report, null, 2));
  console.log(`\nfull results: ${file}`);
}

main().catch((error) => {
  console.error(`benchmark failed: ${error.message}`);
  process.exit(1);
});
