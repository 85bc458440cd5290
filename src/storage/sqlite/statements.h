#pragma once

// Every SQL statement the SQLite storage runs, as named constants. The name appears in error
// messages. Parameters are numbered (?1, ?2...) so each bind call names its place.

#include "storage/sqlite/connection.h"

namespace imagross::sqlite::statements {

// Connection settings.
// Pages of 16 KiB: inserting a million receipt lines took about 12% less CPU time than with the
// default 4 KiB (SQLite 3.40 on a 2-core virtual machine, measured on the insert alone). It
// applies only to a database that has no table yet, so it must run before journal_mode.
inline constexpr Sql kPageSize{"page_size", "PRAGMA page_size = 16384"};
inline constexpr Sql kJournalModeWal{"journal_mode_wal", "PRAGMA journal_mode = WAL"};
inline constexpr Sql kSettings{"connection_settings", R"sql(
PRAGMA synchronous = NORMAL;
PRAGMA foreign_keys = ON;
PRAGMA cache_size = -65536;
PRAGMA journal_size_limit = 67108864;
)sql"};
inline constexpr Sql kForeignKeysOn{"foreign_keys_on", "PRAGMA foreign_keys = ON"};
inline constexpr Sql kForeignKeysOff{"foreign_keys_off", "PRAGMA foreign_keys = OFF"};
inline constexpr Sql kDataVersion{"data_version", "PRAGMA data_version"};
inline constexpr Sql kQuickCheck{"quick_check", "PRAGMA quick_check"};

// Dictionaries, loaded whole into memory.
inline constexpr Sql kSelectStores{"select_stores",
                                   "SELECT id, code, name FROM stores ORDER BY id"};
inline constexpr Sql kSelectDepartments{"select_departments",
                                        "SELECT id, name FROM departments ORDER BY id"};
inline constexpr Sql kSelectProducts{
    "select_products", "SELECT id, code, name, department_id FROM products ORDER BY id"};
inline constexpr Sql kSelectProductNames{"select_product_names",
                                         "SELECT id, name FROM product_names ORDER BY id"};
inline constexpr Sql kSelectCards{"select_cards", "SELECT id, number FROM cards ORDER BY id"};
inline constexpr Sql kSelectPromotions{"select_promotions",
                                       "SELECT id, code FROM promotions ORDER BY id"};
inline constexpr Sql kSelectReceiptCodes{"select_receipt_codes", "SELECT code FROM receipts"};
inline constexpr Sql kSelectMaxReceiptId{"select_max_receipt_id",
                                         "SELECT coalesce(max(id), 0) FROM receipts"};

// New dictionary entries of a batch. ?1 is a pointer to the entries (batch_table.h). OR ROLLBACK,
// as for the lines below.
inline constexpr Sql kInsertStores{
    "insert_stores",
    "INSERT OR ROLLBACK INTO stores (id, code, name) SELECT id, key, name FROM batch_entries(?1)"};
inline constexpr Sql kInsertDepartments{
    "insert_departments",
    "INSERT OR ROLLBACK INTO departments (id, name) SELECT id, key FROM batch_entries(?1)"};
inline constexpr Sql kInsertProducts{"insert_products", R"sql(
INSERT OR ROLLBACK INTO products (id, code, name, department_id)
SELECT id, key, name, department_id FROM batch_entries(?1))sql"};
inline constexpr Sql kInsertProductNames{
    "insert_product_names",
    "INSERT OR ROLLBACK INTO product_names (id, name) SELECT id, key FROM batch_entries(?1)"};
inline constexpr Sql kInsertCards{
    "insert_cards",
    "INSERT OR ROLLBACK INTO cards (id, number) SELECT id, key FROM batch_entries(?1)"};
inline constexpr Sql kInsertPromotions{
    "insert_promotions",
    "INSERT OR ROLLBACK INTO promotions (id, code) SELECT id, key FROM batch_entries(?1)"};
inline constexpr Sql kUpdateProduct{
    "update_product", "UPDATE products SET name = ?2, department_id = ?3 WHERE id = ?1"};

// Receipt lines.
inline constexpr Sql kSelectReceiptId{"select_receipt_id",
                                      "SELECT id FROM receipts WHERE code = ?1"};
// The columns up to is_return are in the order read_line_columns reads them.
inline constexpr Sql kSelectReceiptLines{"select_receipt_lines", R"sql(
SELECT line_number, timestamp, store_id, card_id, product_id, department_id, quantity,
       unit_price, discount, amount, promotion_id, is_return, product_name_id, import_id
FROM receipt_lines
WHERE receipt_id = ?1)sql"};
// ?1 is a pointer to the rows of the batch (batch_table.h). OR ROLLBACK: a failing row ends the
// whole transaction, which the writer would roll back anyway, so SQLite needs no statement
// journal to undo a partly done multi-row insert.
inline constexpr Sql kInsertBatchReceipts{
    "insert_batch_receipts",
    "INSERT OR ROLLBACK INTO receipts (id, code) SELECT id, code FROM batch_receipts(?1)"};
inline constexpr Sql kInsertBatchLines{"insert_batch_lines", R"sql(
INSERT OR ROLLBACK INTO receipt_lines (
  receipt_id, line_number, timestamp, store_id, card_id, product_id, product_name_id,
  department_id, quantity, unit_price, discount, amount, promotion_id, is_return, import_id)
SELECT receipt_id, line_number, timestamp, store_id, card_id, product_id, product_name_id,
       department_id, quantity, unit_price, discount, amount, promotion_id, is_return, ?2
FROM batch_lines(?1))sql"};
// Reads in primary-key order, so SQLite walks the table without sorting. The columns after
// receipt_id are in the order read_line_columns reads them.
inline constexpr Sql kScanLines{"scan_lines", R"sql(
SELECT receipt_id, line_number, timestamp, store_id, card_id, product_id, department_id,
       quantity, unit_price, discount, amount, promotion_id, is_return
FROM receipt_lines
ORDER BY receipt_id, line_number)sql"};
inline constexpr Sql kCountLines{"count_lines", "SELECT count(*) FROM receipt_lines"};
inline constexpr Sql kCountReceiptLines{"count_receipt_lines", R"sql(
SELECT count(*) FROM receipt_lines
WHERE receipt_id = (SELECT id FROM receipts WHERE code = ?1))sql"};

// Imports.
inline constexpr Sql kInsertImport{"insert_import", R"sql(
INSERT INTO imports (
  kind, source_name, format, options, status, started_at, finished_at, bytes_total, bytes_read,
  lines_read, imported, duplicates, rejected, reject_report, error, dry_run, updated)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
RETURNING id)sql"};
inline constexpr Sql kUpdateImport{"update_import", R"sql(
UPDATE imports SET
  kind = ?2, source_name = ?3, format = ?4, options = ?5, status = ?6, started_at = ?7,
  finished_at = ?8, bytes_total = ?9, bytes_read = ?10, lines_read = ?11, imported = ?12,
  duplicates = ?13, rejected = ?14, reject_report = ?15, error = ?16, dry_run = ?17,
  updated = ?18
WHERE id = ?1)sql"};
inline constexpr Sql kSelectImport{"select_import", R"sql(
SELECT id, kind, source_name, format, options, status, started_at, finished_at, bytes_total,
       bytes_read, lines_read, imported, duplicates, rejected, reject_report, error, dry_run,
       updated
FROM imports
WHERE id = ?1)sql"};
inline constexpr Sql kSelectImportExists{"select_import_exists",
                                         "SELECT 1 FROM imports WHERE id = ?1"};
inline constexpr Sql kListImports{"list_imports", R"sql(
SELECT id, kind, source_name, format, options, status, started_at, finished_at, bytes_total,
       bytes_read, lines_read, imported, duplicates, rejected, reject_report, error, dry_run,
       updated
FROM imports
ORDER BY id DESC
LIMIT ?1 OFFSET ?2)sql"};

}  // namespace imagross::sqlite::statements
