#pragma once

// Delivery of messages to account holders (password reset links). Senders are pluggable: an
// e-mail or SMS gateway implements MessageSender. The default sender queues the message in the
// outbox table, where a delivery process or an operator picks it up.

#include <string>

#include "storage/account_store.h"

namespace imagross::auth {

class MessageSender {
 public:
  virtual ~MessageSender() = default;
  // Sends or queues `message` (channel, recipient, subject and body set). Throws on a failure
  // that the caller should report as a server fault.
  virtual void send(const OutboxMessage& message) = 0;
};

// Writes every message to the outbox table and logs that one was queued, with its id and
// channel. The log never contains the body, because the body contains a one-time token.
class OutboxSender final : public MessageSender {
 public:
  // `store` must outlive the sender.
  explicit OutboxSender(AccountStore& store) : store_(store) {}
  void send(const OutboxMessage& message) override;

 private:
  AccountStore& store_;
};

}  // namespace imagross::auth
