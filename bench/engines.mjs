// Import and query steps of the three engines of the benchmark: ImaGross (its command line and
// the engine_bench program), DuckDB (through @duckdb/node-api in this process) and SQLite
// (through the sqlite3 command-line shell).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';
import { QUERY_NAMES, duckdbQueries, sqliteQueries } from './queries.mjs';

// Runs a program to completion; returns its wall time in seconds and its output. Throws with
// the program's error output when it fails.
export function runProgram(program, args, { input } = {}) {
  const start = performance.now();
  const result = spawnSync(program, args, {
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  const seconds = (performance.now() - start) / 1000;
  if (result.error) {
    throw new Error(`${program} could not be started: ${result.error.message}`);
  }
  if (result.status !== 0) {
    throw new Error(
      `${program} ${args.join(' ')} failed (exit ${result.status}):\n${result.stderr}`,
    );
  }
  return { seconds, stdout: result.stdout, stderr: result.stderr };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function removeDatabase(file) {
  for (const suffix of ['', '-wal', '-shm', '.wal']) {
    fs.rmSync(file + suffix, { force: true });
  }
}

// --- ImaGross -----------------------------------------------------------------------------

export function importImagross({ imagross, csv, database }) {
  removeDatabase(database);
  const { seconds, stdout } = runProgram(imagross, [
    '--db',
    database,
    '--log-level',
    'warn',
    'import',
    'sales',
    csv,
  ]);
  return { seconds, summary: stdout.trim() };
}

export function queryImagross({ engineBench, database, window, runs }) {
  const { stdout } = runProgram(engineBench, [
    '--db',
    database,
    '--from',
    window.from,
    '--to',
    window.to,
    '--reference',
    window.reference,
    '--store',
    window.store,
    '--runs',
    String(runs),
  ]);
  return JSON.parse(stdout);
}

// --- DuckDB -------------------------------------------------------------------------------

const DUCKDB_COLUMNS = `{
  'receipt_id': 'VARCHAR', 'timestamp': 'TIMESTAMP', 'store_id': 'VARCHAR',
  'card_number': 'VARCHAR', 'product_code': 'VARCHAR', 'product_name': 'VARCHAR',
  'department': 'VARCHAR', 'quantity': 'DECIMAL(18,3)', 'unit_price': 'DECIMAL(18,3)',
  'discount': 'DECIMAL(18,3)', 'amount': 'DECIMAL(18,3)', 'promo_code': 'VARCHAR'}`;

export async function importDuckdb({ csv, database }) {
  removeDatabase(database);
  const start = performance.now();
  const instance = await DuckDBInstance.create(database);
  const connection = await instance.connect();
  await connection.run(`
    CREATE TABLE sales AS
    SELECT * REPLACE (NULLIF(card_number, '') AS card_number, NULLIF(promo_code, '') AS promo_code)
    FROM read_csv('${csv.replaceAll("'", "''")}', header = true, delim = ',', quote = '"',
                  timestampformat = '%Y-%m-%d %H:%M:%S', columns = ${DUCKDB_COLUMNS})`);
  await connection.run('CHECKPOINT');
  const rows = Number(
    (await connection.runAndReadAll('SELECT COUNT(*) FROM sales')).getRows()[0][0],
  );
  connection.closeSync();
  instance.closeSync();
  return { seconds: (performance.now() - start) / 1000, rows };
}

// Converts DuckDB values to the shared result shape: integers as strings, doubles as numbers.
function plainValue(value) {
  if (typeof value === 'bigint') {
    return value.toString();
  }
  return value;
}

async function timeDuckdbRun(connection, queries) {
  const seconds = {};
  const results = {};
  for (const name of QUERY_NAMES) {
    const start = performance.now();
    const reader = await connection.runAndReadAll(queries[name]);
    const rows = reader.getRows();
    seconds[name] = (performance.now() - start) / 1000;
    results[name] = rows.map((row) => row.map(plainValue));
  }
  return { seconds, results };
}

async function measureDuckdb(connection, queries, runs) {
  let last = await timeDuckdbRun(connection, queries); // warm-up
  const perQuery = Object.fromEntries(QUERY_NAMES.map((name) => [name, []]));
  const totals = [];
  for (let run = 0; run < runs; run += 1) {
    last = await timeDuckdbRun(connection, queries);
    totals.push(QUERY_NAMES.reduce((sum, name) => sum + last.seconds[name], 0));
    for (const name of QUERY_NAMES) {
      perQuery[name].push(last.seconds[name]);
    }
  }
  const querySeconds = Object.fromEntries(
    QUERY_NAMES.map((name) => [name, median(perQuery[name])]),
  );
  return { total_seconds: median(totals), query_seconds: querySeconds, results: last.results };
}

export async function queryDuckdb({ database, window, runs }) {
  const instance = await DuckDBInstance.create(database);
  const connection = await instance.connect();
  const version = (await connection.runAndReadAll('SELECT version()')).getRows()[0][0];
  const allStores = await measureDuckdb(
    connection,
    duckdbQueries({ ...window, store: null }),
    runs,
  );
  const store = await measureDuckdb(connection, duckdbQueries(window), runs);
  const rssBytes = process.memoryUsage().rss;
  connection.closeSync();
  instance.closeSync();
  return { engine: 'duckdb', version, all_stores: allStores, store, process_rss_bytes: rssBytes };
}

// --- SQLite -------------------------------------------------------------------------------

export function importSqlite({ sqlite3, csv, database }) {
  removeDatabase(database);
  // The shell imports text; money and quantities become INTEGER thousandths, so that sums are
  // exact, in the same run.
  const script = `
CREATE TABLE staging (receipt_id TEXT, timestamp TEXT, store_id TEXT, card_number TEXT,
  product_code TEXT, product_name TEXT, department TEXT, quantity TEXT, unit_price TEXT,
  discount TEXT, amount TEXT, promo_code TEXT);
.import --csv --skip 1 '${csv}' staging
CREATE TABLE sales AS
SELECT receipt_id, timestamp, store_id, card_number, product_code, product_name, department,
       CAST(round(quantity * 1000) AS INTEGER) AS quantity,
       CAST(round(unit_price * 1000) AS INTEGER) AS unit_price,
       CAST(round(discount * 1000) AS INTEGER) AS discount,
       CAST(round(amount * 1000) AS INTEGER) AS amount, promo_code
FROM staging;
DROP TABLE staging;
`;
  const { seconds } = runProgram(sqlite3, [database], { input: script });
  return { seconds };
}

// The shell script of `runs` timed runs after a warm-up; each query is preceded by a marker.
function sqliteScript(queries, scope, runs) {
  const lines = ['.mode json', '.timer on'];
  for (let run = 0; run <= runs; run += 1) {
    for (const name of QUERY_NAMES) {
      lines.push(`.print #QUERY ${scope} ${run} ${name}`, queries[name].trim());
    }
  }
  return lines.join('\n') + '\n';
}

// Reads the shell's output back: rows of each query and the "Run Time: real" of each run.
function parseSqliteOutput(output) {
  const entries = [];
  let current = null;
  for (const line of output.split('\n')) {
    if (line.startsWith('#QUERY ')) {
      const [, scope, run, name] = line.split(' ');
      current = { scope, run: Number(run), name, json: '' };
    } else if (line.startsWith('Run Time: real ') && current) {
      current.seconds = Number(line.split(' ')[3]);
      const objects = current.json.trim() === '' ? [] : JSON.parse(current.json);
      current.rows = objects.map((object) => Object.values(object));
      entries.push(current);
      current = null;
    } else if (current) {
      current.json += `${line}\n`;
    }
  }
  return entries;
}

function summarizeSqlite(entries, scope) {
  const mine = entries.filter((entry) => entry.scope === scope);
  const runs = Math.max(...mine.map((entry) => entry.run));
  const timed = mine.filter((entry) => entry.run > 0);
  const totals = [];
  for (let run = 1; run <= runs; run += 1) {
    totals.push(timed.filter((e) => e.run === run).reduce((sum, e) => sum + e.seconds, 0));
  }
  const querySeconds = Object.fromEntries(
    QUERY_NAMES.map((name) => [
      name,
      median(timed.filter((e) => e.name === name).map((e) => e.seconds)),
    ]),
  );
  const results = Object.fromEntries(
    mine.filter((entry) => entry.run === runs).map((entry) => [entry.name, entry.rows]),
  );
  return { total_seconds: median(totals), query_seconds: querySeconds, results };
}

export function querySqlite({ sqlite3, database, window, runs, storeRuns }) {
  const script =
    sqliteScript(sqliteQueries({ ...window, store: null }), 'all', runs) +
    sqliteScript(sqliteQueries(window), 'store', storeRuns);
  const { stdout } = runProgram(sqlite3, ['-readonly', database], { input: script });
  const entries = parseSqliteOutput(stdout);
  const version = runProgram(sqlite3, ['--version']).stdout.split(' ')[0];
  return {
    engine: 'sqlite',
    version,
    all_stores: summarizeSqlite(entries, 'all'),
    store: summarizeSqlite(entries, 'store'),
  };
}
