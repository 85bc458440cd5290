#include "ingest/xlsx/xml_stream.h"

#include <string>

#include "ingest/record.h"

namespace imagross::ingest {
namespace {

constexpr size_t kChunkBytes = 64 * 1024;

// Returns the name without its namespace prefix: "x:row" gives "row". The prefix is dropped
// instead of resolved because the parts of a workbook use each local name in one sense only,
// and resolving with expat's namespace mode made every name a long URI to scan.
std::string_view local_name(const XML_Char* name) {
  const std::string_view full(name);
  const size_t colon = full.rfind(':');
  return colon == std::string_view::npos ? full : full.substr(colon + 1);
}

}  // namespace

const char* find_attribute(const XML_Char** attributes, std::string_view name) {
  for (size_t i = 0; attributes[i] != nullptr; i += 2) {
    if (local_name(attributes[i]) == name) {
      return attributes[i + 1];
    }
  }
  return nullptr;
}

XmlStream::XmlStream(ZipEntry entry, XmlHandler& handler)
    : entry_(std::move(entry)),
      handler_(handler),
      parser_(XML_ParserCreate(nullptr)),
      buffer_(kChunkBytes) {
  if (parser_ == nullptr) {
    throw std::bad_alloc();
  }
  XML_SetUserData(parser_, this);
  XML_SetElementHandler(parser_, &XmlStream::on_start, &XmlStream::on_end);
  XML_SetCharacterDataHandler(parser_, &XmlStream::on_text);
}

XmlStream::~XmlStream() {
  XML_ParserFree(parser_);
}

bool XmlStream::parse() {
  if (finished_) {
    return false;
  }
  if (paused_) {
    paused_ = false;
    if (is_paused(XML_ResumeParser(parser_))) {
      return true;
    }
  }
  while (!last_chunk_) {
    const size_t count = entry_.read(buffer_.data(), buffer_.size());
    last_chunk_ = count == 0;
    if (is_paused(XML_Parse(parser_, buffer_.data(), static_cast<int>(count), last_chunk_))) {
      return true;
    }
  }
  finished_ = true;
  return false;
}

// Returns true when a handler paused the parser; throws on a handler's exception or bad XML.
bool XmlStream::is_paused(XML_Status status) {
  if (failure_) {
    std::rethrow_exception(failure_);
  }
  if (status == XML_STATUS_SUSPENDED) {
    paused_ = true;
    return true;
  }
  if (status == XML_STATUS_ERROR) {
    throw ReadError(entry_.description() + " line " +
                    std::to_string(XML_GetCurrentLineNumber(parser_)) + ": invalid XML (" +
                    XML_ErrorString(XML_GetErrorCode(parser_)) +
                    "); the workbook is damaged, save it again from Excel");
  }
  return false;
}

template <typename Event>
void XmlStream::dispatch(Event&& event) {
  try {
    event();
  } catch (...) {
    failure_ = std::current_exception();
    XML_StopParser(parser_, XML_FALSE);
  }
}

void XmlStream::on_start(void* data, const XML_Char* name, const XML_Char** attributes) {
  auto* stream = static_cast<XmlStream*>(data);
  stream->dispatch([&] { stream->handler_.start_element(local_name(name), attributes); });
}

void XmlStream::on_end(void* data, const XML_Char* name) {
  auto* stream = static_cast<XmlStream*>(data);
  stream->dispatch([&] {
    if (stream->handler_.end_element(local_name(name))) {
      XML_StopParser(stream->parser_, XML_TRUE);
    }
  });
}

void XmlStream::on_text(void* data, const XML_Char* text, int length) {
  auto* stream = static_cast<XmlStream*>(data);
  stream->dispatch([&] { stream->handler_.character_data({text, static_cast<size_t>(length)}); });
}

void parse_xml_part(ZipEntry entry, XmlHandler& handler) {
  XmlStream stream(std::move(entry), handler);
  while (stream.parse()) {
  }
}

}  // namespace imagross::ingest
