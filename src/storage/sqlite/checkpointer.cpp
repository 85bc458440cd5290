#include "storage/sqlite/checkpointer.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace imagross::sqlite {
namespace {

constexpr int kFlags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;

// A connection opens the write-ahead log on its first read. Until then a checkpoint through it
// does nothing and reports the database as not in WAL mode.
void open_log(Connection& connection) {
  connection.query_int64({"open_log", "SELECT count(*) FROM sqlite_schema"});
}

int frames_for(Connection& writer) {
  const int64_t page_size = writer.query_int64({"page_size", "PRAGMA page_size"});
  return static_cast<int>(kCheckpointLogBytes / std::max<int64_t>(page_size, 512));
}

}  // namespace

Checkpointer::Checkpointer(const std::string& path, Connection& writer)
    : writer_(writer), checkpoint_frames_(frames_for(writer)), connection_(path, kFlags) {
  sqlite3_busy_timeout(connection_.handle(), kBusyTimeoutMilliseconds);
  open_log(connection_);
  thread_ = std::thread([this] { run(); });
  sqlite3_wal_hook(writer_.handle(), &Checkpointer::on_commit, this);
}

Checkpointer::~Checkpointer() {
  sqlite3_wal_hook(writer_.handle(), nullptr, nullptr);
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void Checkpointer::request() {
  {
    std::lock_guard lock(mutex_);
    requested_ = true;
  }
  wake_.notify_one();
}

int Checkpointer::on_commit(void* checkpointer, sqlite3* /*db*/, const char* /*schema*/,
                            int frames) {
  auto* self = static_cast<Checkpointer*>(checkpointer);
  if (frames >= self->checkpoint_frames_) {
    self->request();
  }
  return SQLITE_OK;
}

void Checkpointer::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return requested_ || stopping_; });
    if (stopping_) {
      return;
    }
    requested_ = false;
    lock.unlock();
    checkpoint();
    lock.lock();
  }
}

int Checkpointer::checkpoint() {
  int log_frames = 0;
  int copied_frames = 0;
  // PASSIVE: copies what it can without waiting for readers or the writer.
  int code = sqlite3_wal_checkpoint_v2(connection_.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                       &log_frames, &copied_frames);
  if (code == SQLITE_BUSY) {
    return 0;  // another connection is checkpointing, and the next large commit requests again
  }
  if (code != SQLITE_OK) {
    spdlog::warn(
        "database {}: checkpoint failed: {} (SQLite error {}); the write-ahead log keeps "
        "the data and the next large commit retries",
        connection_.path(), sqlite3_errmsg(connection_.handle()), code);
    return 0;
  }
  spdlog::debug("database {}: checkpoint copied {} of {} log frames", connection_.path(),
                copied_frames, log_frames);
  return copied_frames;
}

}  // namespace imagross::sqlite
