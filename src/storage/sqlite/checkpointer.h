#pragma once

// Copies committed pages from the write-ahead log into the database file on a thread of its own,
// so that a writer never waits for a checkpoint. In WAL mode with synchronous=NORMAL, SQLite calls
// fsync only in checkpoints, so an inline checkpoint makes the committing writer wait for the disk.

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "storage/sqlite/connection.h"

namespace imagross::sqlite {

// Bytes of log after a commit that wake the checkpointer.
inline constexpr int kCheckpointLogBytes = 8 << 20;

class Checkpointer {
 public:
  // Opens a connection of its own to `path`, starts the thread, and hooks `writer` (replacing
  // SQLite's automatic checkpoint) so that a commit leaving at least kCheckpointLogBytes of pages
  // in the log wakes the thread. Also runs one checkpoint at start, for a log left by a process
  // that did not finish its own.
  Checkpointer(const std::string& path, Connection& writer);
  // Removes the hook and stops the thread. A checkpoint in progress finishes first.
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // Wakes the thread for one checkpoint.
  void request();

  // Runs one checkpoint on the calling thread and returns the number of log frames it copied
  // into the database file, 0 when another connection was checkpointing or the checkpoint
  // failed (which it logs).
  int checkpoint();

 private:
  static int on_commit(void* checkpointer, sqlite3* db, const char* schema, int frames);
  void run();

  Connection& writer_;
  int checkpoint_frames_;  // kCheckpointLogBytes in pages of the database
  Connection connection_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool requested_ = true;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace imagross::sqlite
