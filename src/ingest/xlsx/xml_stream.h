#pragma once

// Streaming SAX parsing of the XML parts of a workbook with expat, one chunk at a time, with a
// pause after any element so that a sheet is read one row per call.

#include <expat.h>

#include <exception>
#include <string_view>
#include <vector>

#include "ingest/xlsx/zip_archive.h"

namespace imagross::ingest {

// Receives the events of an XML part. Element and attribute names are local names without their
// namespace prefix, so "x:row" and "row" are both "row".
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;

  virtual void start_element(std::string_view name, const XML_Char** attributes) = 0;
  // Returns true to make XmlStream::parse() return after this element.
  virtual bool end_element(std::string_view name) = 0;
  // Text may arrive in several pieces.
  virtual void character_data(std::string_view text) { static_cast<void>(text); }
};

// Returns the value of the attribute whose local name is `name`, or nullptr.
const char* find_attribute(const XML_Char** attributes, std::string_view name);

class XmlStream {
 public:
  XmlStream(ZipEntry entry, XmlHandler& handler);
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // Parses until the handler requests a pause or the part ends. Returns false at the end. Throws
  // ReadError when the XML is malformed or the part cannot be decompressed.
  bool parse();

  const ZipEntry& entry() const { return entry_; }

 private:
  static void on_start(void* data, const XML_Char* name, const XML_Char** attributes);
  static void on_end(void* data, const XML_Char* name);
  static void on_text(void* data, const XML_Char* text, int length);
  template <typename Event>
  void dispatch(Event&& event);
  bool is_paused(XML_Status status);

  ZipEntry entry_;
  XmlHandler& handler_;
  XML_Parser parser_;
  std::vector<char> buffer_;
  std::exception_ptr failure_;  // thrown by a handler; exceptions must not unwind through expat
  bool paused_ = false;
  bool last_chunk_ = false;
  bool finished_ = false;
};

// Parses the whole of `entry` with `handler`.
void parse_xml_part(ZipEntry entry, XmlHandler& handler);

}  // namespace imagross::ingest
