// A bounded per-backend memo of a pure function of a string (the trigger's
// anonymization and SQL derivation): the same input gives the same output, so
// a repeated question, database name, metadata value or SQL text is looked up
// instead of recomputed.
//
// Bounded in bytes, not just entries: two generations, each holding at most
// `generation_budget` bytes (key + caller-estimated value size). Inserts go to
// the current generation; a hit in the previous one moves the entry to the
// current one; when the current generation is full it becomes the previous one
// and the old previous one is dropped (approximate LRU with O(1) work per
// operation and at most twice the budget in memory). Keys longer than
// `max_key_bytes` are never stored, so one huge input cannot evict everything.
//
// Admission: most inputs of a real workload never repeat, and storing them
// would cost an allocation and a copy each for nothing. A small direct-mapped
// table of hash tags (a "doorkeeper", as in TinyLFU) remembers keys seen once;
// a key is stored only at its second sighting, and the hash table is only
// searched for keys whose tag is present, so a lookup of a never-seen key
// costs one hash and one read of a 32 kB array.
//
// Not thread-safe (a backend has one thread). Callers that depend on outside
// state (a key, rules) must clear() when that state changes.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace tde::core {

template <class V>
class MemoCache {
public:
    MemoCache(size_t generation_budget, size_t max_key_bytes)
        : budget_(generation_budget), max_key_(max_key_bytes) {}

    // The cached value for `key`, or nullptr. The pointer stays valid until
    // the next find(), put() or clear() (a hit in the previous generation
    // may rotate the generations). A miss for a key seen for the first time
    // makes the following put() of that key a no-op (see Admission above).
    const V *find(std::string_view key) {
        size_t h = std::hash<std::string_view>()(key);
        uint32_t &slot = seen_[h % kSeenSlots];
        uint32_t tag = static_cast<uint32_t>(h >> 32) | 1u;
        last_hash_ = h;
        last_admit_ = slot == tag;
        if (!last_admit_) {
            slot = tag;
            return nullptr;
        }
        if (auto it = current_.find(key); it != current_.end()) return &it->second->value;
        auto it = previous_.find(key);
        if (it == previous_.end()) return nullptr;
        std::unique_ptr<Node> node = std::move(it->second);
        previous_.erase(it);
        size_t cost = node->cost;
        return &admit(std::move(node), cost)->value;
    }

    // Stores `value` for `key` (`value_bytes`: the caller's estimate of the
    // value's heap size) unless the key is too long or was just looked up
    // for the first time. Returns the stored value, or nullptr when it was
    // not stored.
    const V *put(std::string_view key, V value, size_t value_bytes) {
        if (key.size() > max_key_) return nullptr;
        size_t h = std::hash<std::string_view>()(key);
        if (!last_admit_ && h == last_hash_) return nullptr;
        seen_[h % kSeenSlots] = static_cast<uint32_t>(h >> 32) | 1u;  // find() must look it up
        if (auto it = current_.find(key); it != current_.end()) {
            Node &node = *it->second;
            size_t cost = node.key.size() + value_bytes + kNodeOverhead;
            current_bytes_ = current_bytes_ - node.cost + cost;
            node.cost = cost;
            node.value = std::move(value);
            return &node.value;
        }
        if (auto it = previous_.find(key); it != previous_.end()) previous_.erase(it);
        auto node = std::make_unique<Node>(Node{std::string(key), std::move(value), 0});
        node->cost = node->key.size() + value_bytes + kNodeOverhead;
        size_t cost = node->cost;
        return &admit(std::move(node), cost)->value;
    }

    void clear() {
        seen_.fill(0);
        last_admit_ = true;
        current_.clear();
        previous_.clear();
        current_bytes_ = 0;
    }

    size_t size() const { return current_.size() + previous_.size(); }

    // Bytes accounted to the entries held (at most twice the budget).
    size_t bytes() const {
        size_t total = current_bytes_;
        for (const auto &entry : previous_) total += entry.second->cost;
        return total;
    }

private:
    static constexpr size_t kNodeOverhead = 96;  // map node, Node, string headers
    static constexpr size_t kSeenSlots = 8192;

    struct Node {
        std::string key;  // the map's key views this buffer (stable: the Node is heap-allocated)
        V value;
        size_t cost;
    };
    using Map = std::unordered_map<std::string_view, std::unique_ptr<Node>>;

    Node *admit(std::unique_ptr<Node> node, size_t cost) {
        if (current_bytes_ + cost > budget_ && !current_.empty()) {
            previous_ = std::move(current_);
            current_ = Map();
            current_bytes_ = 0;
        }
        Node *raw = node.get();
        current_.emplace(std::string_view(raw->key), std::move(node));
        current_bytes_ += cost;
        return raw;
    }

    size_t budget_;
    size_t max_key_;
    size_t current_bytes_ = 0;
    Map current_;
    Map previous_;
    std::array<uint32_t, kSeenSlots> seen_{};  // doorkeeper tags (0 = empty; tags are odd)
    size_t last_hash_ = 0;                     // hash of the last find()'s key
    bool last_admit_ = true;                   // whether that key had been seen before
};

}  // namespace tde::core
