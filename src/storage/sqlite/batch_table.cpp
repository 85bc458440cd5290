#include "storage/sqlite/batch_table.h"

#include <fmt/format.h>

#include <new>

namespace imagross::sqlite {
namespace {

// The declaration of one registered function: its schema and the position of its argument.
struct FunctionInfo {
  std::string schema;
  int source_column = 0;
};

struct BatchTable : sqlite3_vtab {
  int source_column = 0;
};

struct BatchCursor : sqlite3_vtab_cursor {
  const BatchRows* rows = nullptr;
  std::size_t row = 0;
};

int connect(sqlite3* db, void* aux, int /*argc*/, const char* const* /*argv*/, sqlite3_vtab** out,
            char** /*error*/) {
  const auto* info = static_cast<const FunctionInfo*>(aux);
  int code = sqlite3_declare_vtab(db, info->schema.c_str());
  if (code != SQLITE_OK) {
    return code;
  }
  auto* table = new (std::nothrow) BatchTable{};
  if (table == nullptr) {
    return SQLITE_NOMEM;
  }
  table->source_column = info->source_column;
  *out = table;
  return SQLITE_OK;
}

int disconnect(sqlite3_vtab* table) {
  delete static_cast<BatchTable*>(table);
  return SQLITE_OK;
}

// Uses the equality constraint on the hidden `source` column as the function's argument.
int best_index(sqlite3_vtab* vtab, sqlite3_index_info* info) {
  const auto* table = static_cast<const BatchTable*>(vtab);
  for (int i = 0; i < info->nConstraint; ++i) {
    const auto& constraint = info->aConstraint[i];
    if (constraint.iColumn != table->source_column || constraint.op != SQLITE_INDEX_CONSTRAINT_EQ) {
      continue;
    }
    if (constraint.usable == 0) {
      return SQLITE_CONSTRAINT;  // ask SQLite for a plan where the argument is known
    }
    info->aConstraintUsage[i].argvIndex = 1;
    info->aConstraintUsage[i].omit = 1;
    info->idxNum = 1;
    info->estimatedCost = 1.0;
    return SQLITE_OK;
  }
  info->idxNum = 0;
  info->estimatedCost = 1e12;
  return SQLITE_OK;
}

int open_cursor(sqlite3_vtab* /*table*/, sqlite3_vtab_cursor** out) {
  auto* cursor = new (std::nothrow) BatchCursor{};
  if (cursor == nullptr) {
    return SQLITE_NOMEM;
  }
  *out = cursor;
  return SQLITE_OK;
}

int close_cursor(sqlite3_vtab_cursor* cursor) {
  delete static_cast<BatchCursor*>(cursor);
  return SQLITE_OK;
}

int filter(sqlite3_vtab_cursor* base, int index_number, const char* /*index_name*/, int argc,
           sqlite3_value** argv) {
  auto* cursor = static_cast<BatchCursor*>(base);
  cursor->row = 0;
  cursor->rows = nullptr;
  if (index_number == 1 && argc == 1) {
    cursor->rows =
        static_cast<const BatchRows*>(sqlite3_value_pointer(argv[0], kBatchRowsPointerType));
  }
  return SQLITE_OK;
}

int next(sqlite3_vtab_cursor* base) {
  ++static_cast<BatchCursor*>(base)->row;
  return SQLITE_OK;
}

int eof(sqlite3_vtab_cursor* base) {
  const auto* cursor = static_cast<const BatchCursor*>(base);
  return cursor->rows == nullptr || cursor->row >= cursor->rows->size() ? 1 : 0;
}

int column(sqlite3_vtab_cursor* base, sqlite3_context* context, int index) {
  const auto* cursor = static_cast<const BatchCursor*>(base);
  const auto* table = static_cast<const BatchTable*>(cursor->pVtab);
  if (index == table->source_column) {
    sqlite3_result_null(context);
  } else {
    cursor->rows->column(cursor->row, index, context);
  }
  return SQLITE_OK;
}

int rowid(sqlite3_vtab_cursor* base, sqlite3_int64* out) {
  *out = static_cast<sqlite3_int64>(static_cast<const BatchCursor*>(base)->row);
  return SQLITE_OK;
}

sqlite3_module make_module() {
  sqlite3_module module{};
  // xCreate stays null: the function exists in every schema without CREATE VIRTUAL TABLE.
  module.xConnect = connect;
  module.xBestIndex = best_index;
  module.xDisconnect = disconnect;
  module.xOpen = open_cursor;
  module.xClose = close_cursor;
  module.xFilter = filter;
  module.xNext = next;
  module.xEof = eof;
  module.xColumn = column;
  module.xRowid = rowid;
  return module;
}

const sqlite3_module kModule = make_module();

void destroy_info(void* info) {
  delete static_cast<FunctionInfo*>(info);
}

int count_columns(const std::string& columns) {
  int count = 1;
  for (char c : columns) {
    count += c == ',' ? 1 : 0;
  }
  return count;
}

}  // namespace

void register_batch_table(Connection& connection, const char* name, const std::string& columns) {
  auto* info = new FunctionInfo{fmt::format("CREATE TABLE x({}, source HIDDEN)", columns),
                                count_columns(columns)};
  // SQLite calls destroy_info on failure as well.
  int code = sqlite3_create_module_v2(connection.handle(), name, &kModule, info, destroy_info);
  if (code != SQLITE_OK) {
    connection.fail(fmt::format("registering the table-valued function {}", name), code);
  }
}

}  // namespace imagross::sqlite
