// Phone numbers in free text through Google's libphonenumber.
//
// The libphonenumber headers (and protobuf's) stay inside phone_detector.cpp;
// this header is plain C++ so the PostgreSQL side never sees them.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tde::core {

struct PhoneCandidate {
    size_t begin = 0;  // byte offsets into the scanned text, [begin, end)
    size_t end = 0;
    std::string e164;      // "+12125550100"
    std::string national;  // national significant number, "2125550100"
};

class PhoneDetector {
public:
    // `regions`: ISO 3166-1 alpha-2 codes that national-format numbers are
    // read against (upper-case, each supported_region()). Numbers written with
    // an international prefix are found whatever the list; an empty list finds
    // only those.
    explicit PhoneDetector(const std::vector<std::string> &regions);
    ~PhoneDetector();
    PhoneDetector(const PhoneDetector &) = delete;
    PhoneDetector &operator=(const PhoneDetector &) = delete;

    // Numbers libphonenumber's PhoneNumberMatcher accepts at Leniency::VALID
    // for any of the regions (the union of the spans, duplicates removed).
    // Only the stretches of `text` around runs of at least 7 digits are
    // handed to the matcher, so text without such a run costs one scan. An
    // "00" international prefix ("0049 30 ...") is read as "+" for every
    // region, not only those whose international prefix is 00.
    //
    // Runs whose digits all lie inside `covered` spans (numbers already found
    // by cheaper rules) are skipped, and so are digits in date-shaped tokens
    // ("2024-03-05", "05.03.2024") when counting a run's digits.
    // When `skip_bare_runs` (asked at most once, for the first such run)
    // says so, a run that is a single token of digits only ("4294967296") is
    // not handed to the matcher either.
    void find_valid(std::string_view text, std::vector<PhoneCandidate> &out,
                    const std::vector<std::pair<size_t, size_t>> &covered = {},
                    const std::function<bool()> &skip_bare_runs = {}) const;

    // For a number written with an international prefix ("+CC ..." or
    // "00CC ..."): true when libphonenumber parses it and finds it a possible
    // number for that country (length check, not a full validation); fills
    // `out.e164` and `out.national`.
    // `valid`, when given, is set to libphonenumber's full validation.
    bool parse_international(std::string_view candidate, PhoneCandidate &out, bool *valid = nullptr) const;

    // True when `number` (national digits, separators allowed) is a valid
    // number of one of the regions. With `require_trunk`, a region whose
    // national numbers are written after a trunk prefix counts only when the
    // number starts with it (prose: "call at 1710498600" is no German number);
    // without, it may be left out (a value stored in a phone column:
    // mobile = '7911123456').
    bool valid_in_regions(std::string_view number, bool require_trunk = true) const;

    // True when `code` is a region libphonenumber has metadata for
    // (upper-case ISO 3166-1 alpha-2, e.g. "US", "GB", "DE").
    static bool supported_region(std::string_view code);

    // True for a token of three digit groups with one separator style that
    // is written as a date ("2024-03-05", "05.03.2024", "12/31/23") or, with
    // `ssn_too`, in the US SSN shape ("666-12-3456").
    static bool date_shaped(std::string_view token, bool ssn_too = false);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace tde::core
