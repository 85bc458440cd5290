#include "storage/sqlite/migrations.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <array>

#include "common/utc_time.h"
#include "storage/database.h"

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

// Version 3: points. The ledger and its allocations are append-only (triggers refuse UPDATE and
// DELETE); points_balances is a cache of each member's ledger sum, written in the transaction of
// every entry. docs/POINTS.md defines the figures.
constexpr std::string_view kPointsSchema = R"sql(
CREATE TABLE points_rule_sets (
  version INTEGER PRIMARY KEY CHECK (version > 0),
  name TEXT NOT NULL CHECK (name <> ''),
  document TEXT NOT NULL CHECK (json_valid(document)),
  status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'retired')),
  effective_from TEXT CHECK ((effective_from IS NULL) = (status = 'draft')),
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES accounts (id),
  activated_at TEXT,
  activated_by INTEGER REFERENCES accounts (id)
) STRICT;

CREATE TABLE points_ledger (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members (id),
  kind TEXT NOT NULL CHECK (kind IN ('award', 'reversal', 'redemption', 'refund', 'expiry',
                                     'adjustment', 'transfer', 'opening')),
  points INTEGER NOT NULL CHECK (points <> 0),
  -- Always "YYYY-MM-DDTHH:MM:SSZ", so that text order is time order and the index on `at` serves
  -- ranges of time.
  at TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', at) IS at),
  recorded_at TEXT NOT NULL,
  expires_on TEXT CHECK (expires_on IS NULL OR (points > 0 AND date(expires_on) IS expires_on)),
  source_type TEXT NOT NULL CHECK (source_type <> ''),
  source_ref TEXT NOT NULL,
  rule_set_version INTEGER REFERENCES points_rule_sets (version),
  reason TEXT NOT NULL,
  account_id INTEGER REFERENCES accounts (id),
  CHECK (kind NOT IN ('award', 'refund') OR points > 0),
  CHECK (kind NOT IN ('reversal', 'redemption', 'expiry') OR points < 0),
  CHECK (kind NOT IN ('adjustment', 'transfer') OR trim(reason) <> '')
) STRICT;

CREATE INDEX points_ledger_member ON points_ledger (member_id, at, id);
CREATE INDEX points_ledger_source ON points_ledger (source_type, source_ref);
CREATE INDEX points_ledger_at ON points_ledger (at);
-- Credits not yet consumed, by expiry then age: what the next debit or the expiry run reads.
CREATE INDEX points_ledger_expiry ON points_ledger (expires_on) WHERE expires_on IS NOT NULL;

-- A debit consuming part of a credit. A credit's remaining points are its points minus the sum
-- of its allocations; a debit's owed points are its -points minus the sum of its allocations.
CREATE TABLE points_allocations (
  debit_id INTEGER NOT NULL REFERENCES points_ledger (id),
  credit_id INTEGER NOT NULL REFERENCES points_ledger (id),
  points INTEGER NOT NULL CHECK (points > 0),
  PRIMARY KEY (debit_id, credit_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX points_allocations_credit ON points_allocations (credit_id);

-- A cache of the entries still open, kept in step with the allocations so that the next debit
-- finds them without summing allocations: a credit with points left or a debit that still owes
-- some. `left` shrinks as allocations are written; the row goes when it reaches 0.
CREATE TABLE points_open_entries (
  entry_id INTEGER PRIMARY KEY REFERENCES points_ledger (id),
  member_id INTEGER NOT NULL REFERENCES members (id),
  is_credit INTEGER NOT NULL CHECK (is_credit IN (0, 1)),
  expires_on TEXT,
  left INTEGER NOT NULL CHECK (left > 0)
) STRICT;

CREATE INDEX points_open_entries_member ON points_open_entries (member_id, is_credit);
CREATE INDEX points_open_entries_expiry ON points_open_entries (expires_on) WHERE is_credit = 1;

CREATE TABLE points_balances (
  member_id INTEGER PRIMARY KEY REFERENCES members (id),
  balance INTEGER NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Every receipt evaluated for points, earning or not: what makes awarding happen once.
CREATE TABLE points_receipts (
  receipt_id INTEGER PRIMARY KEY REFERENCES receipts (id),
  member_id INTEGER NOT NULL REFERENCES members (id),
  at TEXT NOT NULL,
  points INTEGER NOT NULL CHECK (points >= 0),
  eligible_amount INTEGER NOT NULL,
  rule_set_version INTEGER REFERENCES points_rule_sets (version),
  entry_id INTEGER REFERENCES points_ledger (id),
  details TEXT NOT NULL CHECK (json_valid(details))
) STRICT;

CREATE INDEX points_receipts_member ON points_receipts (member_id, at);

-- Every return document evaluated, and the earning receipt it reverses when known.
CREATE TABLE points_returns (
  receipt_id INTEGER PRIMARY KEY REFERENCES receipts (id),
  member_id INTEGER NOT NULL REFERENCES members (id),
  original_receipt_id INTEGER REFERENCES points_receipts (receipt_id),
  returned_amount INTEGER NOT NULL CHECK (returned_amount >= 0),
  points INTEGER NOT NULL CHECK (points >= 0),
  entry_id INTEGER REFERENCES points_ledger (id),
  details TEXT NOT NULL CHECK (json_valid(details))
) STRICT;

CREATE INDEX points_returns_original ON points_returns (original_receipt_id)
  WHERE original_receipt_id IS NOT NULL;

-- History from a previous system: an external id is imported once.
CREATE TABLE points_openings (
  external_id TEXT PRIMARY KEY CHECK (external_id <> ''),
  entry_id INTEGER NOT NULL REFERENCES points_ledger (id),
  import_id INTEGER REFERENCES imports (id)
) STRICT, WITHOUT ROWID;

CREATE TABLE member_tiers (
  member_id INTEGER PRIMARY KEY REFERENCES members (id),
  tier TEXT NOT NULL CHECK (tier <> ''),
  since TEXT NOT NULL CHECK (date(since) IS since),
  reviewed_at TEXT NOT NULL
) STRICT;

CREATE TABLE rewards (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (trim(name) <> ''),
  description TEXT NOT NULL,
  image_url TEXT,
  category TEXT NOT NULL,
  points_cost INTEGER NOT NULL CHECK (points_cost > 0),
  copay INTEGER NOT NULL CHECK (copay >= 0),
  stock INTEGER CHECK (stock >= 0),
  per_member_limit INTEGER CHECK (per_member_limit > 0),
  valid_from TEXT CHECK (date(valid_from) IS valid_from),
  valid_to TEXT CHECK (date(valid_to) IS valid_to),
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
) STRICT;

CREATE TABLE redemptions (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members (id),
  reward_id INTEGER NOT NULL REFERENCES rewards (id),
  points INTEGER NOT NULL CHECK (points > 0),
  copay INTEGER NOT NULL CHECK (copay >= 0),
  voucher_code TEXT NOT NULL UNIQUE CHECK (length(voucher_code) = 13),
  status TEXT NOT NULL CHECK (status IN ('issued', 'used', 'cancelled')),
  channel TEXT NOT NULL CHECK (channel IN ('app', 'desk')),
  debit_id INTEGER NOT NULL REFERENCES points_ledger (id),
  refund_id INTEGER REFERENCES points_ledger (id),
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES accounts (id),
  closed_at TEXT,
  closed_by INTEGER REFERENCES accounts (id),
  CHECK ((refund_id IS NOT NULL) = (status = 'cancelled')),
  CHECK ((closed_at IS NULL) = (status = 'issued'))
) STRICT;

CREATE INDEX redemptions_member ON redemptions (member_id, id);
CREATE INDEX redemptions_reward ON redemptions (reward_id, status);

CREATE TABLE pos_keys (
  id INTEGER PRIMARY KEY,
  store_code TEXT NOT NULL CHECK (store_code <> ''),
  label TEXT NOT NULL,
  prefix TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE CHECK (key_hash <> ''),
  created_at TEXT NOT NULL,
  revoked_at TEXT
) STRICT;

CREATE TRIGGER points_ledger_no_update BEFORE UPDATE ON points_ledger BEGIN
  SELECT RAISE(ABORT, 'points_ledger is append-only: its entries cannot be changed');
END;
CREATE TRIGGER points_ledger_no_delete BEFORE DELETE ON points_ledger BEGIN
  SELECT RAISE(ABORT, 'points_ledger is append-only: its entries cannot be deleted');
END;
CREATE TRIGGER points_allocations_no_update BEFORE UPDATE ON points_allocations BEGIN
  SELECT RAISE(ABORT, 'points_allocations is append-only: allocations cannot be changed');
END;
CREATE TRIGGER points_allocations_no_delete BEFORE DELETE ON points_allocations BEGIN
  SELECT RAISE(ABORT, 'points_allocations is append-only: allocations cannot be deleted');
END;
)sql";

constexpr std::array kMigrations{
    Migration{1, "sales_schema", kSalesSchema},
    Migration{2, "members_schema", kMembersSchema},
    Migration{3, "points_schema", kPointsSchema},
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
