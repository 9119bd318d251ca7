#include "core/phone_detector.hpp"

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <climits>
#include <optional>
#include <set>

namespace tde::core {

namespace pn = i18n::phonenumbers;

namespace {

// Characters a written phone number is made of besides its digits.
bool is_phone_punctuation(char c) {
    switch (c) {
        case ' ': case '-': case '.': case '/': case '(': case ')': case '+': case '[': case ']':
        case '~':
            return true;
        default:
            return false;
    }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Context handed to the matcher on each side of a run of digits: enough for
// an extension ("ext. 123456") and for the matcher's own checks of the
// characters around a number.
constexpr size_t kContextBefore = 16;
constexpr size_t kContextAfter = 24;
constexpr size_t kMinDigits = 7;
constexpr size_t kChunk = 256;
constexpr size_t kChunkOverlap = 64;

const pn::PhoneNumberUtil &util() {
    static const pn::PhoneNumberUtil *instance = [] {
        pn::PhoneNumberUtil *u = pn::PhoneNumberUtil::GetInstance();
        // libphonenumber logs parse problems to stdout by default; inside a
        // PostgreSQL backend that would end up in the server log, next to the
        // text being checked. Mute it.
        u->SetLogger(new pn::NullLogger());
        return u;
    }();
    return *instance;
}

void fill(const pn::PhoneNumber &number, PhoneCandidate &out) {
    util().Format(number, pn::PhoneNumberUtil::E164, &out.e164);
    util().GetNationalSignificantNumber(number, &out.national);
}

}  // namespace

struct PhoneDetector::Impl {
    std::vector<std::string> regions;
};

PhoneDetector::PhoneDetector(const std::vector<std::string> &regions) : impl_(new Impl) {
    for (const std::string &r : regions)
        if (std::find(impl_->regions.begin(), impl_->regions.end(), r) == impl_->regions.end())
            impl_->regions.push_back(r);
    // "ZZ" (unknown region): the matcher then finds only numbers written with
    // an international prefix.
    if (impl_->regions.empty()) impl_->regions.push_back("ZZ");
    util();
}

PhoneDetector::~PhoneDetector() = default;

bool PhoneDetector::supported_region(std::string_view code) {
    static const std::set<std::string> *regions = [] {
        auto *set = new std::set<std::string>();
        util().GetSupportedRegions(set);
        return set;
    }();
    return regions->count(std::string(code)) > 0;
}

bool PhoneDetector::date_shaped(std::string_view raw, bool ssn_too) {
    std::vector<std::string_view> groups;
    char separator = '\0';
    size_t start = 0;
    for (size_t i = 0; i <= raw.size(); ++i) {
        if (i < raw.size() && is_digit(raw[i])) continue;
        if (i < raw.size()) {
            char c = raw[i];
            if (c != '-' && c != '.' && c != '/') return false;
            if (separator != '\0' && c != separator) return false;
            separator = c;
        }
        if (i == start) return false;
        groups.push_back(raw.substr(start, i - start));
        start = i + 1;
    }
    if (groups.size() != 3) return false;
    auto value = [](std::string_view g) {
        int v = 0;
        for (char c : g) v = v * 10 + (c - '0');
        return v;
    };
    const auto &a = groups[0], &b = groups[1], &c = groups[2];
    if (ssn_too && separator == '-' && a.size() == 3 && b.size() == 2 && c.size() == 4) return true;
    if (a.size() == 4 && b.size() <= 2 && c.size() <= 2)  // year first
        return value(a) >= 1900 && value(a) <= 2099 && value(b) >= 1 && value(b) <= 12 &&
               value(c) >= 1 && value(c) <= 31;
    if (a.size() <= 2 && b.size() <= 2 && (c.size() == 2 || c.size() == 4)) {  // year last
        int x = value(a), y = value(b);
        bool day_month = x >= 1 && x <= 31 && y >= 1 && y <= 12;
        bool month_day = x >= 1 && x <= 12 && y >= 1 && y <= 31;
        return (day_month || month_day) && (c.size() == 2 || (value(c) >= 1900 && value(c) <= 2099));
    }
    return false;
}

void PhoneDetector::find_valid(std::string_view text, std::vector<PhoneCandidate> &out,
                               const std::vector<std::pair<size_t, size_t>> &covered,
                               const std::function<bool()> &skip_bare_runs) const {
    // Covered spans sorted and merged, walked along with the scan.
    std::vector<std::pair<size_t, size_t>> spans(covered);
    std::sort(spans.begin(), spans.end());
    std::vector<std::pair<size_t, size_t>> merged;
    for (const auto &span : spans) {
        if (!merged.empty() && span.first <= merged.back().second)
            merged.back().second = std::max(merged.back().second, span.second);
        else
            merged.push_back(span);
    }
    size_t next_span = 0;
    auto is_covered = [&](size_t i) {  // called with increasing i
        while (next_span < merged.size() && merged[next_span].second <= i) ++next_span;
        return next_span < merged.size() && merged[next_span].first <= i;
    };
    // Windows around runs of digits and phone punctuation holding at least
    // kMinDigits digits that are neither covered nor part of a date-shaped
    // token, merged where they overlap.
    std::vector<std::pair<size_t, size_t>> windows;
    std::optional<bool> skip_bare;  // skip_bare_runs(), once asked
    size_t pos = 0;
    while (pos < text.size()) {
        if (!is_digit(text[pos]) && !is_phone_punctuation(text[pos])) {
            ++pos;
            continue;
        }
        size_t run_begin = pos;
        size_t digits = 0;
        size_t tokens = 0;
        bool bare = true;
        while (pos < text.size() && (is_digit(text[pos]) || is_phone_punctuation(text[pos]))) {
            // One space-separated token of the run at a time.
            size_t token_begin = pos;
            while (pos < text.size() && text[pos] != ' ' &&
                   (is_digit(text[pos]) || is_phone_punctuation(text[pos])))
                ++pos;
            std::string_view token = text.substr(token_begin, pos - token_begin);
            if (!token.empty() && (++tokens > 1 || !std::all_of(token.begin(), token.end(), is_digit)))
                bare = false;
            if (!token.empty() && !date_shaped(token)) {
                for (size_t i = token_begin; i < pos; ++i)
                    if (is_digit(text[i]) && !is_covered(i)) ++digits;
            }
            if (pos < text.size() && text[pos] == ' ') ++pos;
        }
        if (digits < kMinDigits) continue;
        if (bare && skip_bare_runs) {
            if (skip_bare.value_or(false)) continue;
            if (!skip_bare) {
                skip_bare = skip_bare_runs();
                if (*skip_bare) continue;
            }
        }
        size_t begin = run_begin > kContextBefore ? run_begin - kContextBefore : 0;
        size_t end = std::min(text.size(), pos + kContextAfter);
        while (begin > 0 && is_continuation(text[begin])) --begin;
        while (end < text.size() && is_continuation(text[end])) ++end;
        if (!windows.empty() && begin <= windows.back().second)
            windows.back().second = end;
        else
            windows.emplace_back(begin, end);
    }
    if (windows.empty()) return;

    // The matcher's cost grows faster than the length of what it is given
    // (a long stretch of digits and punctuation is tried as many candidates),
    // so long windows go in overlapping pieces: a number (at most
    // kChunkOverlap bytes with its extension) that straddles a cut is whole
    // in the piece before it; a tail of it seen at the start of the next
    // piece is glued to the digits before it and dropped by the caller, or
    // loses to the longer span.
    std::vector<std::pair<size_t, size_t>> pieces;
    for (const auto &[begin, end] : windows) {
        if (end - begin <= kChunk + kChunkOverlap) {
            pieces.emplace_back(begin, end);
            continue;
        }
        for (size_t start = begin; start < end; start += kChunk) {
            size_t piece_begin = start, piece_end = std::min(end, start + kChunk + kChunkOverlap);
            while (piece_begin > begin && is_continuation(text[piece_begin])) --piece_begin;
            while (piece_end < end && is_continuation(text[piece_end])) ++piece_end;
            pieces.emplace_back(piece_begin, piece_end);
            if (piece_end == end) break;
        }
    }

    std::set<std::pair<size_t, size_t>> seen;
    for (const auto &[window_begin, window_end] : pieces) {
        std::string window(text.substr(window_begin, window_end - window_begin));
        // "00CC" -> " +CC" and "00 CC" -> "  +CC" (same length, so offsets
        // stay put) where 00 starts a number; remember where, to give the
        // zeros back to the span.
        std::vector<std::pair<size_t, size_t>> idd;  // (offset of the '+', characters to give back)
        for (size_t i = 0; i + 2 < window.size(); ++i) {
            // Not inside a grouped national number ("139 0012 3456", "030 0012345").
            const bool in_group = i >= 2 && (window[i - 1] == ' ' || window[i - 1] == '-' || window[i - 1] == '.' ||
                                             window[i - 1] == '/') &&
                                  (is_digit(window[i - 2]) || window[i - 2] == ')');
            if (window[i] != '0' || window[i + 1] != '0' || in_group ||
                (i > 0 && (is_alnum(window[i - 1]) || window[i - 1] == '+')))
                continue;
            if (window[i + 2] >= '1' && window[i + 2] <= '9') {
                window[i] = ' ';
                window[i + 1] = '+';
                idd.emplace_back(i + 1, 1);
                i += 2;
            } else if (window[i + 2] == ' ' && i + 3 < window.size() && window[i + 3] >= '1' && window[i + 3] <= '9' &&
                       (i == 0 || window[i - 1] != ':')) {  // "00 44 20 7946 0958", not "10:00 44"
                window[i] = ' ';
                window[i + 1] = ' ';
                window[i + 2] = '+';
                idd.emplace_back(i + 2, 2);
                i += 3;
            }
        }
        // A '$' glued to the end of a number is a regular expression's
        // anchor ("~ '^2125550100$'"), which the matcher would read as a
        // currency sign after an amount.
        for (size_t i = 1; i < window.size(); ++i)
            if (window[i] == '$' && is_digit(window[i - 1])) window[i] = ' ';
        for (const std::string &region : impl_->regions) {
            pn::PhoneNumberMatcher matcher(util(), window, region, pn::PhoneNumberMatcher::VALID,
                                           INT_MAX);
            pn::PhoneNumberMatch match;
            while (matcher.HasNext()) {
                if (!matcher.Next(&match)) break;
                if (match.start() < 0 || match.length() <= 0) continue;
                size_t begin = static_cast<size_t>(match.start());
                size_t end = begin + static_cast<size_t>(match.length());
                if (end > window.size()) continue;
                auto given = std::lower_bound(idd.begin(), idd.end(), std::make_pair(begin, size_t{0}));
                if (given != idd.end() && given->first == begin) begin -= given->second;
                begin += window_begin;
                end += window_begin;
                if (!seen.emplace(begin, end).second) continue;
                PhoneCandidate candidate;
                candidate.begin = begin;
                candidate.end = end;
                fill(match.number(), candidate);
                out.push_back(std::move(candidate));
            }
        }
    }
}

bool PhoneDetector::valid_in_regions(std::string_view number, bool require_trunk) const {
    const std::string text(number);
    const size_t first_digit = text.find_first_of("0123456789");
    for (const std::string &region : impl_->regions) {
        // A region whose national numbers are written after a trunk prefix
        // ("0" in Germany, Britain, France, Japan, China; "8" in Russia) does
        // not write them without it: "1710498600" is no German number, nor
        // "2024 03 15 1030". (North America's "1" is optional.)
        std::string trunk;
        util().GetNddPrefixForRegion(region, true, &trunk);
        if (require_trunk && !trunk.empty() && trunk != "1" && text[0] != '+' &&
            (first_digit == std::string::npos || text.compare(first_digit, trunk.size(), trunk) != 0))
            continue;
        pn::PhoneNumber parsed;
        if (util().Parse(text, region, &parsed) == pn::PhoneNumberUtil::NO_PARSING_ERROR &&
            util().IsValidNumber(parsed))
            return true;
    }
    return false;
}

bool PhoneDetector::parse_international(std::string_view candidate, PhoneCandidate &out, bool *valid) const {
    std::string number_text(candidate);
    if (number_text.compare(0, 3, "00 ") == 0) number_text.replace(0, 3, "+");
    else if (number_text.compare(0, 2, "00") == 0) number_text.replace(0, 2, "+");
    if (number_text.empty() || number_text[0] != '+') return false;
    pn::PhoneNumber number;
    if (util().Parse(number_text, "ZZ", &number) != pn::PhoneNumberUtil::NO_PARSING_ERROR)
        return false;
    if (!util().IsPossibleNumber(number)) return false;
    if (valid != nullptr) *valid = util().IsValidNumber(number);
    fill(number, out);
    return true;
}

}  // namespace tde::core
