// The eight dashboard benchmark queries in the SQL of DuckDB and of SQLite. Each returns rows in
// one shape for every engine: money and quantities as integer thousandths, ratios as doubles,
// days as 'YYYY-MM-DD' and months as 'YYYY-MM'. Every sum includes return lines, and every
// receipt and card number seen counts.

export const QUERY_NAMES = [
  'kpis',
  'daily_trend',
  'top_products',
  'departments',
  'promotions',
  'rfm',
  'weekday_hour',
  'cohorts',
];

// Columns compared with a relative tolerance instead of exactly (ratios computed in doubles).
export const RATIO_COLUMNS = { kpis: [2, 6, 7] };

function quote(text) {
  return `'${String(text).replaceAll("'", "''")}'`;
}

// DuckDB: the sales table as read from the CSV, money and quantities as DECIMAL(18,3), an empty
// card number or promotion code as NULL.
export function duckdbQueries({ from, toExclusive, reference, store }) {
  const scope =
    `timestamp >= TIMESTAMP ${quote(from)} AND timestamp < TIMESTAMP ${quote(toExclusive)}` +
    (store ? ` AND store_id = ${quote(store)}` : '');
  const milli = (sum) => `CAST(${sum} * 1000 AS BIGINT)`;
  return {
    kpis: `
      SELECT ${milli('SUM(amount)')},
             COUNT(DISTINCT receipt_id),
             CAST(${milli('SUM(amount)')} AS DOUBLE) / COUNT(DISTINCT receipt_id),
             COUNT(DISTINCT card_number),
             ${milli('SUM(quantity)')},
             COUNT(DISTINCT product_code),
             CAST(${milli('SUM(amount) FILTER (WHERE card_number IS NOT NULL)')} AS DOUBLE) /
               CAST(${milli('SUM(amount)')} AS DOUBLE),
             CAST(${milli('SUM(amount) FILTER (WHERE promo_code IS NOT NULL)')} AS DOUBLE) /
               CAST(${milli('SUM(amount)')} AS DOUBLE)
      FROM sales WHERE ${scope}`,
    daily_trend: `
      SELECT strftime(CAST(timestamp AS DATE), '%Y-%m-%d') AS day, ${milli('SUM(amount)')},
             COUNT(DISTINCT receipt_id)
      FROM sales WHERE ${scope} GROUP BY day ORDER BY day`,
    top_products: `
      SELECT product_code, ${milli('SUM(amount)')} AS revenue, ${milli('SUM(quantity)')}
      FROM sales WHERE ${scope}
      GROUP BY product_code ORDER BY revenue DESC, product_code LIMIT 10`,
    departments: `
      SELECT COALESCE(department, '') AS name, ${milli('SUM(amount)')},
             COUNT(DISTINCT receipt_id), ${milli('SUM(quantity)')}
      FROM sales WHERE ${scope} GROUP BY name ORDER BY name`,
    promotions: `
      SELECT promo_code, ${milli('SUM(amount)')}, ${milli('SUM(discount)')},
             COUNT(DISTINCT receipt_id)
      FROM sales WHERE ${scope} AND promo_code IS NOT NULL
      GROUP BY promo_code ORDER BY promo_code`,
    rfm: `
      WITH cards AS (
        SELECT card_number, DATE ${quote(reference)} - MAX(CAST(timestamp AS DATE)) AS r,
               COUNT(DISTINCT receipt_id) AS f, SUM(amount) AS m
        FROM sales WHERE ${scope} AND card_number IS NOT NULL GROUP BY card_number),
      scores AS (
        SELECT NTILE(5) OVER (ORDER BY r DESC, card_number) AS rs,
               NTILE(5) OVER (ORDER BY f, card_number) AS fs,
               NTILE(5) OVER (ORDER BY m, card_number) AS ms
        FROM cards)
      SELECT rs, fs, ms, COUNT(*) FROM scores GROUP BY rs, fs, ms ORDER BY rs, fs, ms`,
    weekday_hour: `
      SELECT isodow(timestamp) AS weekday, hour(timestamp) AS hour, ${milli('SUM(amount)')}
      FROM sales WHERE ${scope} GROUP BY weekday, hour ORDER BY weekday, hour`,
    cohorts: `
      WITH active AS (
        SELECT DISTINCT card_number, year(timestamp) * 12 + month(timestamp) AS month
        FROM sales WHERE ${scope} AND card_number IS NOT NULL),
      cohorts AS (SELECT card_number, MIN(month) AS cohort FROM active GROUP BY card_number)
      SELECT printf('%04d-%02d', (cohort - 1) // 12, (cohort - 1) % 12 + 1) AS cohort_month,
             month - cohort AS since, COUNT(*)
      FROM active JOIN cohorts USING (card_number)
      GROUP BY cohort, since ORDER BY cohort, since`,
  };
}

// SQLite: the sales table with the CSV's text columns, timestamps as 'YYYY-MM-DD HH:MM:SS'
// text and money and quantities as INTEGER thousandths.
export function sqliteQueries({ from, toExclusive, reference, store }) {
  const scope =
    `timestamp >= ${quote(from)} AND timestamp < ${quote(toExclusive)}` +
    (store ? ` AND store_id = ${quote(store)}` : '');
  // The sqlite3 shell prints rows as JSON objects keyed by column name: every column needs a
  // name of its own.
  return {
    kpis: `
      SELECT SUM(amount) AS revenue, COUNT(DISTINCT receipt_id) AS receipts,
             CAST(SUM(amount) AS REAL) / COUNT(DISTINCT receipt_id) AS average_receipt,
             COUNT(DISTINCT NULLIF(card_number, '')) AS customers, SUM(quantity) AS units,
             COUNT(DISTINCT product_code) AS products,
             CAST(SUM(CASE WHEN card_number <> '' THEN amount ELSE 0 END) AS REAL) /
               SUM(amount) AS card_share,
             CAST(SUM(CASE WHEN promo_code <> '' THEN amount ELSE 0 END) AS REAL) /
               SUM(amount) AS promo_share
      FROM sales WHERE ${scope};`,
    daily_trend: `
      SELECT substr(timestamp, 1, 10) AS day, SUM(amount) AS revenue,
             COUNT(DISTINCT receipt_id) AS receipts
      FROM sales WHERE ${scope} GROUP BY day ORDER BY day;`,
    top_products: `
      SELECT product_code, SUM(amount) AS revenue, SUM(quantity) AS units
      FROM sales WHERE ${scope}
      GROUP BY product_code ORDER BY revenue DESC, product_code LIMIT 10;`,
    departments: `
      SELECT department, SUM(amount) AS revenue, COUNT(DISTINCT receipt_id) AS receipts,
             SUM(quantity) AS units
      FROM sales WHERE ${scope} GROUP BY department ORDER BY department;`,
    promotions: `
      SELECT promo_code, SUM(amount) AS revenue, SUM(discount) AS discount,
             COUNT(DISTINCT receipt_id) AS receipts
      FROM sales WHERE ${scope} AND promo_code <> ''
      GROUP BY promo_code ORDER BY promo_code;`,
    rfm: `
      WITH cards AS (
        SELECT card_number,
               julianday(${quote(reference)}) - julianday(MAX(substr(timestamp, 1, 10))) AS r,
               COUNT(DISTINCT receipt_id) AS f, SUM(amount) AS m
        FROM sales WHERE ${scope} AND card_number <> '' GROUP BY card_number),
      scores AS (
        SELECT NTILE(5) OVER (ORDER BY r DESC, card_number) AS rs,
               NTILE(5) OVER (ORDER BY f, card_number) AS fs,
               NTILE(5) OVER (ORDER BY m, card_number) AS ms
        FROM cards)
      SELECT rs, fs, ms, COUNT(*) AS customers
      FROM scores GROUP BY rs, fs, ms ORDER BY rs, fs, ms;`,
    weekday_hour: `
      SELECT (CAST(strftime('%w', timestamp) AS INTEGER) + 6) % 7 + 1 AS weekday,
             CAST(substr(timestamp, 12, 2) AS INTEGER) AS hour, SUM(amount) AS revenue
      FROM sales WHERE ${scope} GROUP BY weekday, hour ORDER BY weekday, hour;`,
    cohorts: `
      WITH active AS (
        SELECT DISTINCT card_number, substr(timestamp, 1, 7) AS month
        FROM sales WHERE ${scope} AND card_number <> ''),
      cohorts AS (SELECT card_number, MIN(month) AS cohort FROM active GROUP BY card_number)
      SELECT cohort,
             (CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER)) -
             (CAST(substr(cohort, 1, 4) AS INTEGER) * 12 + CAST(substr(cohort, 6, 2) AS INTEGER))
               AS since,
             COUNT(*) AS customers
      FROM active JOIN cohorts USING (card_number) GROUP BY 1, 2 ORDER BY 1, 2;`,
  };
}
