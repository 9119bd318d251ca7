// Compatibility folding of free text before PII matching, with a map back to
// the original bytes.
//
// Detectors match ASCII patterns. People paste text whose characters look like
// ASCII but are not: FULLWIDTH forms from CJK input methods
// ("ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ"), the ideographic space, no-break and thin
// spaces, and the dashes a word processor puts between digit groups
// ("555–123–4567"). fold_text() replaces each such character by its ASCII
// counterpart (and drops invisible zero-width characters that would split a
// value), so the detectors see plain ASCII, and keeps a map so a span found in
// the folded text can be turned back into the span of original bytes it came
// from. Every other byte, valid UTF-8 or not, is copied unchanged.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tde::core {

class FoldedText {
public:
    // The text the detectors scan: the original itself when nothing needed
    // folding (no copy is made), the folded copy otherwise.
    std::string_view text() const { return folded_ ? std::string_view(copy_) : original_; }

    // True when at least one character was folded or dropped.
    bool changed() const { return folded_; }

    // The text that was folded.
    std::string_view original() const { return original_; }

    // Byte offset in the original text of folded byte offset `pos`
    // (0 <= pos <= text().size()). A folded span [b, e) covers the original
    // bytes [to_original(b), to_original(e)), always whole characters.
    size_t to_original(size_t pos) const;

    // The same for the end of a span: invisible characters dropped right
    // before folded offset `pos` (a zero-width space after a value) are not
    // part of the span that ends there, so [to_original(b),
    // to_original_end(e)) holds neither the dropped characters before nor
    // those after the value.
    size_t to_original_end(size_t pos) const;

    friend FoldedText fold_text(std::string_view original);

private:
    std::string_view original_;
    std::string copy_;
    bool folded_ = false;
    // (folded offset, original minus folded offset from there on), ascending.
    std::vector<std::pair<size_t, size_t>> shifts_;
    // (folded offset, bytes of dropped characters right before it), ascending.
    std::vector<std::pair<size_t, size_t>> drops_;
};

// Folds U+FF01..U+FF5E to ASCII 0x21..0x7E; U+3000 and the no-break, figure,
// thin and other fixed-width spaces (U+00A0, U+2000..U+200A, U+202F, U+205F)
// to ' '; hyphens, dashes and minus signs (U+2010..U+2015, U+2212, U+FE58,
// U+FE63) to '-'; the small commercial at (U+FE6B) to '@'; decimal digits of
// other scripts (Arabic-Indic, Devanagari, Bengali, Thai, ... and the
// mathematical digits U+1D7CE..U+1D7FF) to ASCII digits; a middle dot
// (U+00B7, U+2027, U+30FB, U+FF65, U+2219, U+22C5) between two digits to '.';
// and drops U+00AD, U+200B..U+200D, U+2060 and U+FEFF.
// HTML character references and JSON "\\uXXXX" escapes of '@', '.', '+',
// '-', ':', ' ' and of the characters above ("john&#64;example.com",
// "&commat;", "212&nbsp;555&nbsp;0100", "john\\u0040example.com") fold like
// the character they stand for; so do an "at" or a "dot" in brackets
// between letters or digits (spelled_out_symbol). URL percent-escapes of
// those characters fold inside a URL-encoded value, also escaped twice
// ("%2540"); an ideographic full stop (U+3002, U+FF61) folds to '.' inside an
// address ("zhangsan@163。com"). `original` must outlive the result.
FoldedText fold_text(std::string_view original);

// An address spelled out to hide it from harvesters: "jane.doe(at)example.com",
// "jane.doe [at] example [dot] com", "{AT}", "<at>", "[ at ]", defanged
// "jane[@]example[.]com": at text[pos] (a space or the bracket right after a
// letter or digit), an "at", "dot", '@' or '.' in (), [], {} or <>, any case,
// spaces allowed inside and around the brackets, followed by a letter or digit;
// or, unbracketed, " AT " and " DOT " in capitals where they spell an address
// ("jane.doe AT example DOT com"; see capital_symbol in text_fold.cpp). Returns
// the bytes it spans and sets `symbol` to '@' or '.'; 0 when there is none.
size_t spelled_out_symbol(std::string_view text, size_t pos, char &symbol);

// Where the spelled-out symbol whose bracket is text[bracket] starts (the
// spaces before the bracket included), std::string_view::npos when the
// bracket starts none. For scans that stop at brackets only.
size_t spelled_out_start(std::string_view text, size_t bracket);

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, at most
// U+10FFFF).
bool valid_utf8(std::string_view text);

// Length of the UTF-8 sequence that starts at text[pos] when it is well
// formed, 0 otherwise.
size_t utf8_sequence_length(std::string_view text, size_t pos);

}  // namespace tde::core
