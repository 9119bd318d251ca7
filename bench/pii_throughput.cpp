// Throughput of PiiAnonymizer::anonymize on one core, over the questions of
// tests/unit/pii_corpus.tsv (typical text-to-SQL questions, about 40% with
// personal data). Prints MB/s and microseconds per question for the whole
// corpus, its clean questions and its questions with personal data, with the
// default phone regions ({"US"}) and with seven regions; then the time of
// large inputs of shapes that were once quadratic, against their first quarter.
//
//   g++ -std=c++17 -O2 -Isrc bench/pii_throughput.cpp src/core/pii_anonymizer.cpp \
//       src/core/phone_detector.cpp src/core/text_fold.cpp src/core/keyed_hash.cpp \
//       -lre2 -lcrypto -lphonenumber -o build/pii_throughput
//   ./build/pii_throughput [corpus.tsv] [seconds per measurement, default 1.5]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "core/pii_anonymizer.hpp"

using tde::core::PiiAnonymizer;
using tde::core::PiiOptions;

namespace {

struct Result {
    double mb_per_s;
    double us_per_question;
};

Result measure(const PiiAnonymizer &anonymizer, const std::vector<std::string> &questions, double seconds) {
    const std::string key = "bench-secret";
    size_t bytes_per_pass = 0;
    for (const auto &q : questions) bytes_per_pass += q.size();
    std::string out;
    size_t passes = 0, sink = 0;
    auto start = std::chrono::steady_clock::now();
    double elapsed = 0;
    do {
        for (const auto &q : questions) {
            if (anonymizer.anonymize(q, key, out)) sink += out.size();
        }
        ++passes;
        elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    } while (elapsed < seconds);
    if (sink == 1) std::puts("");  // keep the work observable
    double bytes = static_cast<double>(bytes_per_pass) * static_cast<double>(passes);
    return {bytes / elapsed / 1e6, elapsed * 1e6 / static_cast<double>(passes * questions.size())};
}

// Inputs of about 1 MB in the shapes that once cost the anonymizer time
// growing with the square of their size (review of round 12): milliseconds
// for the whole input and for its first quarter; about 4x when linear, 16x
// when quadratic.
double detect_ms(const PiiAnonymizer &anonymizer, const std::string &text) {
    auto start = std::chrono::steady_clock::now();
    size_t n = anonymizer.detect(text).size();
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (n == size_t(-1)) std::puts("");  // keep the work observable
    return ms;
}

void large_inputs(const PiiAnonymizer &anonymizer) {
    std::string tuples, likes, versions = "host,version\n", phones = "id,phone\n", labelled, versions_sql;
    for (int i = 0; i < 60000; ++i) tuples += "(phone) values ((";
    for (int i = 0; i < 60000; ++i) likes += " 'ab@%'";
    for (int i = 0; i < 40000; ++i)
        versions += "h" + std::to_string(i) + ",10." + std::to_string(i % 250) + "." + std::to_string(i / 250 % 250) +
                    "." + std::to_string(i % 7) + "\n";
    for (int i = 0; i < 80000; ++i) phones += std::to_string(i) + "," + std::to_string(1000000 + i * 7 % 8999999) + "\n";
    // (Round 13: every number after a label was checked against every value found.)
    for (int i = 0; i < 30000; ++i) labelled += "phone 2125550100 tel 0612345678 ";
    for (int i = 0; i < 12000; ++i) versions_sql += "WHERE build_number NOT IN ('1.2.3.4', '1.2.3.5') AND ip = '10.0.0.1' ";
    const struct {
        const char *name;
        const std::string *text;
    } cases[] = {{"unclosed VALUES tuples", &tuples},
                 {"LIKE 'ab@%' patterns", &likes},
                 {"CSV version column", &versions},
                 {"CSV phone column", &phones},
                 {"labelled phone numbers", &labelled},
                 {"SQL version comparisons", &versions_sql}};
    for (const auto &c : cases) {
        const double quarter = detect_ms(anonymizer, c.text->substr(0, c.text->size() / 4));
        const double full = detect_ms(anonymizer, *c.text);
        std::printf("large input, %-24s %8zu bytes: %9.1f ms (first quarter %8.1f ms, ratio %.1f)\n", c.name,
                    c.text->size(), full, quarter, quarter > 0 ? full / quarter : 0.0);
    }
}

}  // namespace

int main(int argc, char **argv) {
    const char *path = argc > 1 ? argv[1] : "tests/unit/pii_corpus.tsv";
    double seconds = argc > 2 ? std::atof(argv[2]) : 1.5;
    std::ifstream in(path);
    if (!in) {
        std::fprintf(stderr, "cannot open %s\n", path);
        return 1;
    }
    std::vector<std::string> all, clean, with_pii;
    std::string line;
    while (std::getline(in, line)) {
        size_t tab = line.find('\t');
        if (line.empty() || tab == std::string::npos) continue;
        std::string question = line.substr(0, tab);
        size_t tab2 = line.find('\t', tab + 1);
        bool has_pii = tab2 != tab + 1;
        all.push_back(question);
        (has_pii ? with_pii : clean).push_back(question);
    }
    size_t bytes = 0;
    for (const auto &q : all) bytes += q.size();
    std::printf("corpus: %zu questions (%zu clean, %zu with personal data), %zu bytes, avg %.0f bytes\n",
                all.size(), clean.size(), with_pii.size(), bytes,
                static_cast<double>(bytes) / static_cast<double>(all.size()));

    PiiAnonymizer default_regions;
    PiiOptions options;
    options.phone_regions = {"US", "GB", "DE", "FR", "ES", "JP", "CN"};
    PiiAnonymizer seven_regions(options);

    struct Case {
        const char *name;
        const PiiAnonymizer *anonymizer;
        const std::vector<std::string> *questions;
    } cases[] = {
        {"all questions,      regions US", &default_regions, &all},
        {"clean questions,    regions US", &default_regions, &clean},
        {"questions with PII, regions US", &default_regions, &with_pii},
        {"all questions,      7 regions ", &seven_regions, &all},
    };
    for (const Case &c : cases) {
        Result r = measure(*c.anonymizer, *c.questions, seconds);
        std::printf("%s: %7.2f MB/s  %7.2f us/question\n", c.name, r.mb_per_s, r.us_per_question);
    }
    large_inputs(default_regions);
    return 0;
}
