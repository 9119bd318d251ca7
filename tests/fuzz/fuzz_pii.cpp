// libFuzzer target over PiiAnonymizer::detect and ::anonymize, and over the
// readers of the SQL around a literal (core/sql_columns: backward scans over
// arbitrary text must stay in bounds).
//
// Asserts for every input: no crash or sanitizer report; detections are in
// bounds, sorted and non-overlapping (and on character boundaries when the
// input is valid UTF-8); the output is valid UTF-8 when the input is; and the
// output is a fixed point (anonymizing it again changes nothing). Runs the
// default options ({"US"}) and a several-region list on each input.
//
// Build and run: tests/fuzz/run.sh [seconds]
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/pii_anonymizer.hpp"
#include "core/sql_columns.hpp"
#include "core/text_fold.hpp"

namespace {

using tde::core::PiiAnonymizer;

const std::string kKey = "fuzz-secret";

[[noreturn]] void fail(const char *what, std::string_view input, const std::string &output) {
    std::fprintf(stderr, "fuzz_pii: %s\n  input  (%zu bytes)\n  output (%zu bytes): %.*s\n", what,
                 input.size(), output.size(), static_cast<int>(output.size()), output.data());
    std::abort();
}

bool char_boundary(std::string_view text, size_t pos) {
    return pos == text.size() || (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
}

void check(const PiiAnonymizer &anonymizer, std::string_view input) {
    const bool valid = tde::core::valid_utf8(input);
    size_t last_end = 0;
    for (const auto &d : anonymizer.detect(input)) {
        if (d.begin >= d.end || d.end > input.size() || d.begin < last_end)
            fail("detection out of bounds, empty, unsorted or overlapping", input, std::string());
        if (valid && (!char_boundary(input, d.begin) || !char_boundary(input, d.end)))
            fail("detection splits a UTF-8 character", input, std::string());
        last_end = d.end;
    }
    std::string once = anonymizer.anonymize(input, kKey);
    if (valid && !tde::core::valid_utf8(once)) fail("output is not valid UTF-8", input, once);
    std::string twice = anonymizer.anonymize(once, kKey);
    if (twice != once) fail("not idempotent", input, twice);
}

// The input as SQL: every prefix ending in a quote is the text before a
// literal; the spans between quote pairs are its literals.
void check_sql_columns(std::string_view input) {
    std::vector<std::pair<size_t, size_t>> spans;
    size_t open = std::string_view::npos;
    for (size_t i = 0; i < input.size(); ++i) {
        if (input[i] != '\'') continue;
        (void)tde::core::compared_column(input.substr(0, i + 1));
        if (open == std::string_view::npos) {
            open = i + 1;
        } else {
            spans.emplace_back(open, i);
            open = std::string_view::npos;
        }
    }
    (void)tde::core::compared_column(input);
    (void)tde::core::column_compared_after(input);
    if (tde::core::insert_value_columns(input, spans).size() != spans.size())
        fail("insert_value_columns: one entry per span", input, std::string());
    const std::string name = tde::core::snake_lower(input);
    (void)tde::core::phone_column_kind(name);
    (void)tde::core::version_name(name);
    (void)tde::core::phone_shaped_literal(input);
    (void)tde::core::dotted_quad_only(input);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const PiiAnonymizer *default_options = new PiiAnonymizer();
    static const PiiAnonymizer *regions = [] {
        tde::core::PiiOptions options;
        options.phone_regions = {"US", "GB", "DE", "FR", "JP"};
        return new PiiAnonymizer(options);
    }();
    std::string_view input(reinterpret_cast<const char *>(data), size);
    check(*default_options, input);
    check(*regions, input);
    check_sql_columns(input);
    return 0;
}
