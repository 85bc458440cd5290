#include "auth/message_sender.h"

#include <spdlog/spdlog.h>

#include "http/log_line.h"

namespace imagross::auth {

void OutboxSender::send(const OutboxMessage& message) {
  const auto id = store_.enqueue_message(message);
  spdlog::info("{}", http::LogLine("message_queued")
                         .add("outbox_id", id)
                         .add("channel", message.channel)
                         .add("subject", message.subject)
                         .str());
}

}  // namespace imagross::auth
