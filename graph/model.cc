#include "graph/model.h"

#include <algorithm>
#include <stdexcept>

namespace etkg {
namespace {

constexpr std::string_view kNodeKindNames[] = {"leader", "call",  "summit",       "event",
                                               "place",  "issue", "organization", "document"};
constexpr std::string_view kEdgeKindNames[] = {"participant", "discussed", "held_in",
                                               "concerns",    "refers_to", "precedes",
                                               "reported_by", "leads",     "mentions"};

}  // namespace

std::string_view NodeKindName(NodeKind kind) { return kNodeKindNames[static_cast<int>(kind)]; }

std::optional<NodeKind> ParseNodeKind(std::string_view name) {
  for (NodeKind kind : kAllNodeKinds) {
    if (NodeKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

std::string_view EdgeKindName(EdgeKind kind) { return kEdgeKindNames[static_cast<int>(kind)]; }

std::optional<EdgeKind> ParseEdgeKind(std::string_view name) {
  for (EdgeKind kind : kAllEdgeKinds) {
    if (EdgeKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

bool IsEventKind(NodeKind kind) {
  return kind == NodeKind::kCall || kind == NodeKind::kSummit || kind == NodeKind::kEvent;
}

Attributes::Attributes(std::initializer_list<value_type> items) {
  for (const value_type& item : items) emplace(item.first, item.second);
}

Attributes::Attributes(const Attributes& other) {
  if (!other.empty()) items_ = std::make_unique<std::vector<value_type>>(*other.items_);
}

Attributes& Attributes::operator=(const Attributes& other) {
  if (this == &other) return *this;
  if (other.empty()) {
    items_.reset();
  } else if (items_ == nullptr) {
    items_ = std::make_unique<std::vector<value_type>>(*other.items_);
  } else {
    *items_ = *other.items_;
  }
  return *this;
}

namespace {
bool KeyLess(const Attributes::value_type& item, std::string_view key) { return item.first < key; }
}  // namespace

Attributes::iterator Attributes::find(std::string_view key) {
  iterator it = std::lower_bound(begin(), end(), key, KeyLess);
  return it != end() && it->first == key ? it : end();
}

Attributes::const_iterator Attributes::find(std::string_view key) const {
  const_iterator it = std::lower_bound(begin(), end(), key, KeyLess);
  return it != end() && it->first == key ? it : end();
}

AttrValue& Attributes::at(std::string_view key) {
  iterator it = find(key);
  if (it == end()) throw std::out_of_range("no attribute '" + std::string(key) + "'");
  return it->second;
}

const AttrValue& Attributes::at(std::string_view key) const {
  const_iterator it = find(key);
  if (it == end()) throw std::out_of_range("no attribute '" + std::string(key) + "'");
  return it->second;
}

AttrValue& Attributes::operator[](std::string_view key) { return Insert(key).first->second; }

std::pair<Attributes::iterator, bool> Attributes::Insert(std::string_view key) {
  iterator it = std::lower_bound(begin(), end(), key, KeyLess);
  if (it != end() && it->first == key) return {it, false};
  if (items_ == nullptr) items_ = std::make_unique<std::vector<value_type>>();
  auto at = items_->insert(items_->begin() + (it - begin()), value_type(InternedString(key), {}));
  return {&*at, true};
}

size_t Attributes::erase(std::string_view key) {
  iterator it = find(key);
  if (it == end()) return 0;
  items_->erase(items_->begin() + (it - begin()));
  if (items_->empty()) items_.reset();
  return 1;
}

bool operator==(const Attributes& a, const Attributes& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

}  // namespace etkg
