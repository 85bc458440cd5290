#include "storage/sqlite/migrations.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <array>

#include "storage/database.h"
#include "storage/sqlite/utc_time.h"

namespace imagross::sqlite {
namespace {

constexpr Sql kCreateMigrationTable{"create_schema_migrations", R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT)sql"};

constexpr Sql kSelectSchemaVersion{"select_schema_version",
                                   "SELECT coalesce(max(version), 0) FROM schema_migrations"};

constexpr Sql kInsertMigration{
    "insert_schema_migration",
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)"};

// Version 1: the sales schema. Dictionary tables give every text value an integer id, so a
// receipt line is a row of integers. Money and quantities are INTEGER thousandths; STRICT tables
// reject any REAL or text value in them.
constexpr std::string_view kSalesSchema = R"sql(
CREATE TABLE stores (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (code <> ''),
  name TEXT NOT NULL
) STRICT;

CREATE TABLE departments (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (name <> '')
) STRICT;

CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (code <> ''),
  name TEXT NOT NULL,
  department_id INTEGER REFERENCES departments (id)
) STRICT;

CREATE TABLE product_names (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE cards (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE CHECK (number <> '')
) STRICT;

CREATE TABLE promotions (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (code <> '')
) STRICT;

CREATE TABLE receipts (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (code <> '')
) STRICT;

CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  source_name TEXT NOT NULL,
  format TEXT NOT NULL,
  options TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  bytes_total INTEGER NOT NULL,
  bytes_read INTEGER NOT NULL,
  lines_read INTEGER NOT NULL,
  imported INTEGER NOT NULL,
  duplicates INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  reject_report TEXT NOT NULL,
  error TEXT NOT NULL,
  dry_run INTEGER NOT NULL CHECK (dry_run IN (0, 1))
) STRICT;

CREATE TABLE receipt_lines (
  receipt_id INTEGER NOT NULL REFERENCES receipts (id),
  line_number INTEGER NOT NULL CHECK (line_number > 0),
  timestamp INTEGER NOT NULL,
  store_id INTEGER NOT NULL REFERENCES stores (id),
  card_id INTEGER REFERENCES cards (id),
  product_id INTEGER NOT NULL REFERENCES products (id),
  product_name_id INTEGER NOT NULL REFERENCES product_names (id),
  department_id INTEGER REFERENCES departments (id),
  quantity INTEGER NOT NULL,
  unit_price INTEGER NOT NULL,
  discount INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  promotion_id INTEGER REFERENCES promotions (id),
  is_return INTEGER NOT NULL CHECK (is_return IN (0, 1)),
  import_id INTEGER NOT NULL REFERENCES imports (id),
  PRIMARY KEY (receipt_id, line_number)
) STRICT, WITHOUT ROWID;
)sql";

// Version 2: members, the card registry, online accounts, what signing in needs, the outbox and
// the audit log. Text columns that may be unknown are NULL, never empty, so that UNIQUE applies
// only to known values. Store codes are text without a foreign key, because members and store
// administrators may name a store before any sale of it is imported.
constexpr std::string_view kMembersSchema = R"sql(
ALTER TABLE imports ADD COLUMN updated INTEGER NOT NULL DEFAULT 0;

CREATE TABLE members (
  id INTEGER PRIMARY KEY,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL CHECK (trim(last_name) <> ''),
  email TEXT UNIQUE CHECK (email = lower(email) AND email LIKE '_%@_%'),
  phone TEXT UNIQUE CHECK (
    phone GLOB '+[1-9]*' AND NOT substr(phone, 2) GLOB '*[^0-9]*'
    AND length(phone) BETWEEN 5 AND 16),
  birth_date TEXT CHECK (date(birth_date) IS birth_date),
  signup_date TEXT NOT NULL CHECK (date(signup_date) IS signup_date),
  home_store TEXT CHECK (home_store <> ''),
  status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'closed')),
  privacy_granted INTEGER NOT NULL CHECK (privacy_granted IN (0, 1)),
  privacy_at TEXT,
  privacy_notice_version TEXT,
  marketing_granted INTEGER NOT NULL CHECK (marketing_granted IN (0, 1)),
  marketing_at TEXT,
  marketing_notice_version TEXT,
  profiling_granted INTEGER NOT NULL CHECK (profiling_granted IN (0, 1)),
  profiling_at TEXT,
  profiling_notice_version TEXT,
  card_number TEXT,
  sort_last TEXT NOT NULL,
  sort_first TEXT NOT NULL,
  search_text TEXT NOT NULL,
  import_id INTEGER REFERENCES imports (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX members_sort_last ON members (sort_last);
CREATE INDEX members_sort_first ON members (sort_first);
CREATE INDEX members_signup_date ON members (signup_date);
CREATE INDEX members_card_number ON members (card_number);
CREATE INDEX members_home_store ON members (home_store);
CREATE INDEX members_status ON members (status);

CREATE VIRTUAL TABLE members_search USING fts5 (
  search_text, content = 'members', content_rowid = 'id', tokenize = 'trigram');

CREATE TRIGGER members_search_insert AFTER INSERT ON members BEGIN
  INSERT INTO members_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER members_search_delete AFTER DELETE ON members BEGIN
  INSERT INTO members_search (members_search, rowid, search_text)
  VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER members_search_update AFTER UPDATE OF search_text ON members BEGIN
  INSERT INTO members_search (members_search, rowid, search_text)
  VALUES ('delete', old.id, old.search_text);
  INSERT INTO members_search (rowid, search_text) VALUES (new.id, new.search_text);
END;

ALTER TABLE cards ADD COLUMN status TEXT
  CHECK (status IN ('issued', 'active', 'blocked', 'replaced'));
ALTER TABLE cards ADD COLUMN member_id INTEGER REFERENCES members (id) CHECK (
  CASE
    WHEN status IS NULL OR status = 'issued' THEN member_id IS NULL
    WHEN status IN ('active', 'replaced') THEN member_id IS NOT NULL
    ELSE 1
  END);
ALTER TABLE cards ADD COLUMN issued_at TEXT CHECK ((issued_at IS NULL) = (status IS NULL));
ALTER TABLE cards ADD COLUMN status_changed_at TEXT
  CHECK ((status_changed_at IS NULL) = (status IS NULL));
ALTER TABLE cards ADD COLUMN replaced_by INTEGER REFERENCES cards (id)
  CHECK ((replaced_by IS NOT NULL) = (status IS 'replaced'));

CREATE INDEX cards_member ON cards (member_id) WHERE member_id IS NOT NULL;
CREATE UNIQUE INDEX cards_one_active_per_member ON cards (member_id) WHERE status = 'active';
CREATE INDEX cards_free ON cards (number) WHERE status = 'issued';

CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('super_admin', 'store_admin', 'customer')),
  member_id INTEGER UNIQUE REFERENCES members (id)
    CHECK ((member_id IS NOT NULL) = (role = 'customer')),
  email TEXT UNIQUE CHECK (
    CASE
      WHEN role = 'customer' THEN email IS NULL
      ELSE email = lower(email) AND email LIKE '_%@_%'
    END),
  password_hash TEXT NOT NULL CHECK (password_hash <> ''),
  disabled INTEGER NOT NULL CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  last_sign_in_at TEXT
) STRICT;

CREATE TABLE account_stores (
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  store_code TEXT NOT NULL CHECK (store_code <> ''),
  PRIMARY KEY (account_id, store_code)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER account_stores_of_store_admins BEFORE INSERT ON account_stores
WHEN (SELECT role FROM accounts WHERE id = new.account_id) IS NOT 'store_admin' BEGIN
  SELECT RAISE(ABORT, 'account_stores: only a store_admin account has stores');
END;

CREATE TABLE refresh_tokens (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  family TEXT NOT NULL CHECK (family <> ''),
  token_hash TEXT NOT NULL UNIQUE CHECK (token_hash <> ''),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL CHECK (unixepoch(expires_at) IS NOT NULL),
  used_at TEXT,
  revoked_at TEXT
) STRICT;

CREATE INDEX refresh_tokens_family ON refresh_tokens (family);
CREATE INDEX refresh_tokens_account ON refresh_tokens (account_id);

CREATE TABLE sign_in_failures (
  key TEXT PRIMARY KEY CHECK (key <> ''),
  count INTEGER NOT NULL CHECK (count > 0),
  first_failure_at TEXT NOT NULL,
  last_failure_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE password_resets (
  token_hash TEXT PRIMARY KEY CHECK (token_hash <> ''),
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL CHECK (unixepoch(expires_at) IS NOT NULL),
  used_at TEXT
) STRICT, WITHOUT ROWID;

CREATE INDEX password_resets_account ON password_resets (account_id);

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient TEXT NOT NULL CHECK (recipient <> ''),
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT
) STRICT;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_account_id INTEGER REFERENCES accounts (id),
  actor_role TEXT NOT NULL CHECK (actor_role <> ''),
  action TEXT NOT NULL CHECK (action <> ''),
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL,
  details TEXT NOT NULL
    CHECK (CASE WHEN json_valid(details) THEN json_type(details) = 'object' ELSE 0 END),
  client_address TEXT NOT NULL,
  request_id TEXT NOT NULL
) STRICT;

CREATE INDEX audit_log_target ON audit_log (target_type, target_id);
CREATE INDEX audit_log_actor ON audit_log (actor_account_id) WHERE actor_account_id IS NOT NULL;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: its entries cannot be changed');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: its entries cannot be deleted');
END;
)sql";

constexpr std::array kMigrations{
    Migration{1, "sales_schema", kSalesSchema},
    Migration{2, "members_schema", kMembersSchema},
};

void apply(Connection& connection, const Migration& migration) {
  Transaction transaction(connection);
  // Another process may have applied it between our check and our write lock.
  if (applied_schema_version(connection) >= migration.version) {
    return;
  }
  connection.execute(Sql{migration.name, migration.sql});
  Statement record(connection, kInsertMigration);
  record.bind(1, int64_t{migration.version})
      .bind(2, migration.name)
      .bind(3, utc_now_iso8601())
      .execute();
  transaction.commit();
  spdlog::info("database {}: applied schema migration {} ({})", connection.path(),
               migration.version, migration.name);
}

}  // namespace

std::span<const Migration> schema_migrations() {
  return kMigrations;
}

int applied_schema_version(Connection& connection) {
  return static_cast<int>(connection.query_int64(kSelectSchemaVersion));
}

int migrate(Connection& connection, std::span<const Migration> migrations) {
  connection.execute(kCreateMigrationTable);
  int known = migrations.empty() ? 0 : migrations.back().version;
  int version = applied_schema_version(connection);
  if (version > known) {
    throw StorageError(fmt::format(
        "database {} has schema version {}, but this build of imagross supports versions up to "
        "{}: open it with the newer imagross that wrote it",
        connection.path(), version, known));
  }
  for (const Migration& migration : migrations) {
    if (migration.version > version) {
      apply(connection, migration);
    }
  }
  return applied_schema_version(connection);
}

}  // namespace imagross::sqlite
