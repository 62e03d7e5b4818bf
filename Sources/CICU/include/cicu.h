#ifndef GAZETTE_CICU_H
#define GAZETTE_CICU_H

// Gazette's own C API over ICU text segmentation. No ICU type appears here: UTF-8 bytes go in,
// byte offsets and rule-status classes come out. The ICU headers are included by cicu.c only.

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Which segmentation to run.
typedef enum {
    GZ_SEGMENT_SENTENCE = 0, ///< sentences, locale "en@ss=standard" (no break after "U.S.", "Gen.", "Dr.")
    GZ_SEGMENT_WORD = 1      ///< words, locale "en"
} gz_segment_kind;

/// Coarse class of a word segment, from ICU's rule status.
typedef enum {
    GZ_WORD_NONE = 0,   ///< spaces, punctuation, symbols, emoji
    GZ_WORD_NUMBER = 1, ///< digits, "3,000", "1.5"
    GZ_WORD_LETTER = 2, ///< letters (Latin, Cyrillic, ...)
    GZ_WORD_KANA = 3,   ///< Japanese kana
    GZ_WORD_IDEO = 4    ///< ideographs (Chinese, Japanese kanji)
} gz_word_class;

/// Points this thread's segmenter of `kind` at `text` (UTF-8, `length` bytes, not copied: it must
/// stay valid until the last `gz_segment_next` call for this text). Returns 0 on success, else an
/// ICU error code (> 0). Each thread has its own segmenters, so concurrent use from many threads is safe.
int32_t gz_segment_reset(int32_t kind, const uint8_t *text, int32_t length);

/// Writes up to `capacity` further boundaries (UTF-8 byte offsets, increasing, the first call
/// starting after offset 0) into `boundaries`, and for word segmentation the class of the segment
/// that ends at each boundary into `classes` (may be NULL). Returns how many were written;
/// 0 when the text is exhausted, negative on error.
int32_t gz_segment_next(int32_t kind, int32_t *boundaries, int32_t *classes, int32_t capacity);

/// ICU's Word_Break property value (UCHAR_WORD_BREAK, e.g. 0 = Other, 1 = ALetter) of a code point.
int32_t gz_word_break_property(int32_t codepoint);

/// ICU's Sentence_Break property value (UCHAR_SENTENCE_BREAK, e.g. 1 = ATerm, 10 = Upper) of a code point.
int32_t gz_sentence_break_property(int32_t codepoint);

/// The abbreviations that the sentence segmenter's "ss=standard" filter loads for English (ICU's
/// break-iterator data, `exceptions/SentenceBreak` of locale "en"), as UTF-8 strings each
/// followed by a NUL byte, written into `buffer`. Returns the number of bytes needed (the list
/// is complete when that is <= `capacity`), or a negative ICU error code.
int32_t gz_sentence_suppressions(uint8_t *buffer, int32_t capacity);

/// The ICU version string ("72.1"), written into `buffer` (NUL-terminated).
void gz_icu_version(char *buffer, int32_t capacity);

/// A readable name for an ICU error code.
const char *gz_error_name(int32_t code);

#ifdef __cplusplus
}
#endif

#endif
