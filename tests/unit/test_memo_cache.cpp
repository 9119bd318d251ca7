#include <gtest/gtest.h>

#include <string>

#include "core/memo_cache.hpp"

using tde::core::MemoCache;

TEST(MemoCache, FindsWhatWasPut) {
    MemoCache<std::string> cache(1 << 20, 1024);
    EXPECT_EQ(cache.find("b"), nullptr);
    ASSERT_NE(cache.put("a", "A", 1), nullptr);
    ASSERT_NE(cache.find("a"), nullptr);
    EXPECT_EQ(*cache.find("a"), "A");
    EXPECT_EQ(cache.find("b"), nullptr);
    cache.put("a", "A2", 2);  // overwrite
    EXPECT_EQ(*cache.find("a"), "A2");
    EXPECT_EQ(cache.size(), 1u);
}

TEST(MemoCache, KeysAreWholeStringsIncludingNulBytes) {
    MemoCache<int> cache(1 << 20, 1024);
    cache.put(std::string_view("x\0y", 3), 1, 0);
    cache.put(std::string_view("x\0z", 3), 2, 0);
    EXPECT_EQ(*cache.find(std::string_view("x\0y", 3)), 1);
    EXPECT_EQ(*cache.find(std::string_view("x\0z", 3)), 2);
    EXPECT_EQ(cache.find("x"), nullptr);
}

TEST(MemoCache, LongKeysAreNeverStored) {
    MemoCache<int> cache(1 << 20, 8);
    EXPECT_EQ(cache.put("123456789", 1, 0), nullptr);
    EXPECT_EQ(cache.find("123456789"), nullptr);
    EXPECT_NE(cache.put("12345678", 1, 0), nullptr);
}

TEST(MemoCache, MemoryStaysWithinTwiceTheBudget) {
    const size_t budget = 64 * 1024;
    MemoCache<std::string> cache(budget, 4096);
    for (int i = 0; i < 100000; ++i) {
        std::string key = "question number " + std::to_string(i);
        std::string value(100, 'v');
        cache.put(key, value, value.size());
        ASSERT_LE(cache.bytes(), 2 * budget);
    }
    EXPECT_GT(cache.size(), 100u);
    EXPECT_LT(cache.size(), 2 * budget / 100);
}

TEST(MemoCache, RecentlyUsedEntriesSurviveGenerations) {
    MemoCache<int> cache(16 * 1024, 1024);
    cache.put("hot", 42, 0);
    int misses = 0;
    for (int i = 0; i < 20000; ++i) {
        cache.put("cold " + std::to_string(i), i, 0);
        if (const int *hit = cache.find("hot")) {  // each use moves it to the current generation
            EXPECT_EQ(*hit, 42);
        } else {
            ++misses;  // its doorkeeper slot was taken by a cold key: recomputed and stored again
            cache.find("hot");
            cache.put("hot", 42, 0);
        }
    }
    EXPECT_LT(misses, 20);  // ~20000/8192 expected; without the move on each hit it would be gone after two generations
    EXPECT_EQ(cache.find("cold 0"), nullptr);  // long evicted
    EXPECT_NE(cache.find("cold 19999"), nullptr);
}

TEST(MemoCache, ClearForgetsEverything) {
    MemoCache<int> cache(1 << 20, 1024);
    for (int i = 0; i < 100; ++i) cache.put(std::to_string(i), i, 0);
    cache.clear();
    EXPECT_EQ(cache.size(), 0u);
    EXPECT_EQ(cache.bytes(), 0u);
    EXPECT_EQ(cache.find("5"), nullptr);
}

TEST(MemoCache, StoresAKeyOnlyAtItsSecondSighting) {
    MemoCache<int> cache(1 << 20, 1024);
    EXPECT_EQ(cache.find("q"), nullptr);       // first sighting: remembered, not stored
    EXPECT_EQ(cache.put("q", 1, 0), nullptr);
    EXPECT_EQ(cache.size(), 0u);
    EXPECT_EQ(cache.find("q"), nullptr);       // second sighting: a miss, but admitted
    ASSERT_NE(cache.put("q", 1, 0), nullptr);
    ASSERT_NE(cache.find("q"), nullptr);
    EXPECT_EQ(*cache.find("q"), 1);
}

TEST(MemoCache, NeverRepeatedKeysAreNotStored) {
    MemoCache<int> cache(1 << 20, 1024);
    for (int i = 0; i < 50000; ++i) {
        std::string key = "unique " + std::to_string(i);
        ASSERT_EQ(cache.find(key), nullptr);
        cache.put(key, i, 0);
    }
    EXPECT_LT(cache.size(), 500u);  // only tag collisions of the doorkeeper get in
    // A repeated key among them is still served.
    for (int round = 0; round < 3; ++round) {
        if (const int *hit = cache.find("repeated")) {
            EXPECT_EQ(*hit, 7);
        } else {
            cache.put("repeated", 7, 0);
        }
    }
    ASSERT_NE(cache.find("repeated"), nullptr);
}
