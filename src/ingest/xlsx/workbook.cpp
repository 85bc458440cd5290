#include "ingest/xlsx/workbook.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "ingest/xlsx/xml_stream.h"

namespace imagross::ingest {
namespace {

struct Relationship {
  std::string id;
  std::string type;
  std::string target;
};

struct SheetEntry {
  std::string name;
  std::string relationship_id;
};

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string attribute_or_empty(const XML_Char** attributes, std::string_view name) {
  const char* value = find_attribute(attributes, name);
  return value != nullptr ? value : "";
}

class RelationshipsHandler final : public XmlHandler {
 public:
  std::vector<Relationship> relationships;

  void start_element(std::string_view name, const XML_Char** attributes) override {
    // External targets (hyperlinks, linked files) are not parts of the package.
    if (name == "Relationship" && attribute_or_empty(attributes, "TargetMode") != "External") {
      relationships.push_back({attribute_or_empty(attributes, "Id"),
                               attribute_or_empty(attributes, "Type"),
                               attribute_or_empty(attributes, "Target")});
    }
  }
  bool end_element(std::string_view) override { return false; }
};

class WorkbookHandler final : public XmlHandler {
 public:
  std::vector<SheetEntry> sheets;
  bool date1904 = false;

  void start_element(std::string_view name, const XML_Char** attributes) override {
    if (name == "sheet") {
      sheets.push_back(
          {attribute_or_empty(attributes, "name"), attribute_or_empty(attributes, "id")});
    } else if (name == "workbookPr") {
      const std::string value = attribute_or_empty(attributes, "date1904");
      date1904 = value == "1" || value == "true";
    }
  }
  bool end_element(std::string_view) override { return false; }
};

std::string folder_of(const std::string& part) {
  const size_t slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash);
}

std::string file_name_of(const std::string& part) {
  const size_t slash = part.rfind('/');
  return slash == std::string::npos ? part : part.substr(slash + 1);
}

// Reads the relationships of `part` ("_rels/.rels" for the package when `part` is empty).
std::vector<Relationship> read_relationships(const ZipArchive& archive, const std::string& part) {
  const std::string folder = folder_of(part);
  const std::string rels =
      (folder.empty() ? "" : folder + "/") + "_rels/" + file_name_of(part) + ".rels";
  RelationshipsHandler handler;
  if (auto entry = archive.open_entry(rels)) {
    parse_xml_part(std::move(*entry), handler);
  }
  for (Relationship& relationship : handler.relationships) {
    relationship.target = resolve_part_name(folder, relationship.target);
  }
  return handler.relationships;
}

const Relationship* find_by_type(const std::vector<Relationship>& relationships,
                                 std::string_view type_suffix) {
  for (const Relationship& relationship : relationships) {
    if (ends_with(relationship.type, type_suffix)) {
      return &relationship;
    }
  }
  return nullptr;
}

const Relationship* find_by_id(const std::vector<Relationship>& relationships,
                               const std::string& id) {
  for (const Relationship& relationship : relationships) {
    if (relationship.id == id) {
      return &relationship;
    }
  }
  return nullptr;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

// Returns the requested sheet with its worksheet part, or else the first worksheet. A workbook
// may start with a chart sheet, which has no cells.
std::optional<std::pair<SheetEntry, std::string>> choose_sheet(
    const std::vector<SheetEntry>& sheets, const std::vector<Relationship>& relationships,
    const std::string& requested) {
  for (const bool exact : {true, false}) {
    for (const SheetEntry& sheet : sheets) {
      const Relationship* relationship = find_by_id(relationships, sheet.relationship_id);
      if (relationship == nullptr || !ends_with(relationship->type, "/worksheet")) {
        continue;
      }
      const bool match = requested.empty() || (exact ? sheet.name == requested
                                                     : equal_ignoring_case(sheet.name, requested));
      if (match) {
        return std::make_pair(sheet, relationship->target);
      }
    }
  }
  return std::nullopt;
}

Error sheet_not_found(const ZipArchive& archive, const std::vector<SheetEntry>& sheets,
                      const std::string& requested) {
  std::string names;
  for (const SheetEntry& sheet : sheets) {
    names += (names.empty() ? "\"" : ", \"") + sheet.name + "\"";
  }
  if (requested.empty()) {
    return {"sheet_not_found",
            archive.path() + " has no worksheet with cells (sheets: " + names + ")"};
  }
  return {"sheet_not_found", archive.path() + " has no worksheet named \"" + requested +
                                 "\"; its sheets are " + names};
}

}  // namespace

std::string resolve_part_name(const std::string& folder, const std::string& target) {
  std::string joined = !target.empty() && target[0] == '/' ? target.substr(1)
                       : folder.empty()                    ? target
                                                           : folder + "/" + target;
  std::vector<std::string> segments;
  size_t start = 0;
  while (start <= joined.size()) {
    const size_t slash = std::min(joined.find('/', start), joined.size());
    const std::string segment = joined.substr(start, slash - start);
    if (segment == "..") {
      if (!segments.empty()) {
        segments.pop_back();
      }
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = slash + 1;
  }
  std::string resolved;
  for (const std::string& segment : segments) {
    resolved += (resolved.empty() ? "" : "/") + segment;
  }
  return resolved;
}

Result<WorkbookParts> find_workbook_parts(const ZipArchive& archive, const std::string& sheet) {
  const auto package = read_relationships(archive, "");
  const Relationship* office_document = find_by_type(package, "/officeDocument");
  const std::string workbook_part =
      office_document != nullptr ? office_document->target : "xl/workbook.xml";
  auto workbook_entry = archive.open_entry(workbook_part);
  if (!workbook_entry) {
    return Error{"unknown_format", archive.path() +
                                       " is a ZIP archive but not an XLSX workbook (it has no " +
                                       workbook_part + "); save the sheet as .xlsx or .csv"};
  }
  WorkbookHandler workbook;
  parse_xml_part(std::move(*workbook_entry), workbook);
  const auto relationships = read_relationships(archive, workbook_part);

  const auto chosen = choose_sheet(workbook.sheets, relationships, sheet);
  if (!chosen) {
    return sheet_not_found(archive, workbook.sheets, sheet);
  }
  WorkbookParts parts;
  parts.sheet_name = chosen->first.name;
  parts.sheet_part = chosen->second;
  parts.date1904 = workbook.date1904;
  if (const Relationship* strings = find_by_type(relationships, "/sharedStrings")) {
    parts.shared_strings_part = strings->target;
  }
  if (const Relationship* styles = find_by_type(relationships, "/styles")) {
    parts.styles_part = styles->target;
  }
  return parts;
}

}  // namespace imagross::ingest
