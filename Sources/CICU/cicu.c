#include "cicu.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>
#include <unicode/uclean.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>
#include <unicode/utypes.h>

// One segmenter per thread and kind: ICU break iterators are not thread-safe, and opening one
// (rule loading) costs far more than segmenting a news article, so each thread opens its own
// once and reuses it. The pthread key's destructor closes them when the thread ends.

typedef struct {
    UBreakIterator *iterator;
    UText *text;
    int32_t done;
} gz_segmenter;

typedef struct {
    gz_segmenter segmenters[2];
} gz_thread_state;

static pthread_key_t gz_key;
static pthread_once_t gz_key_once = PTHREAD_ONCE_INIT;

static void gz_thread_state_free(void *pointer) {
    gz_thread_state *state = (gz_thread_state *)pointer;
    if (state == NULL) return;
    for (int i = 0; i < 2; i++) {
        if (state->segmenters[i].iterator) ubrk_close(state->segmenters[i].iterator);
        if (state->segmenters[i].text) utext_close(state->segmenters[i].text);
    }
    free(state);
}

static void gz_make_key(void) { pthread_key_create(&gz_key, gz_thread_state_free); }

static gz_segmenter *gz_segmenter_for(int32_t kind, UErrorCode *status) {
    if (kind != GZ_SEGMENT_SENTENCE && kind != GZ_SEGMENT_WORD) {
        *status = U_ILLEGAL_ARGUMENT_ERROR;
        return NULL;
    }
    pthread_once(&gz_key_once, gz_make_key);
    gz_thread_state *state = (gz_thread_state *)pthread_getspecific(gz_key);
    if (state == NULL) {
        state = (gz_thread_state *)calloc(1, sizeof(gz_thread_state));
        if (state == NULL) {
            *status = U_MEMORY_ALLOCATION_ERROR;
            return NULL;
        }
        pthread_setspecific(gz_key, state);
    }
    gz_segmenter *segmenter = &state->segmenters[kind];
    if (segmenter->iterator == NULL) {
        if (kind == GZ_SEGMENT_SENTENCE) {
            segmenter->iterator = ubrk_open(UBRK_SENTENCE, "en@ss=standard", NULL, 0, status);
        } else {
            segmenter->iterator = ubrk_open(UBRK_WORD, "en", NULL, 0, status);
        }
        if (U_FAILURE(*status)) {
            segmenter->iterator = NULL;
            return NULL;
        }
    }
    return segmenter;
}

int32_t gz_segment_reset(int32_t kind, const uint8_t *text, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    gz_segmenter *segmenter = gz_segmenter_for(kind, &status);
    if (segmenter == NULL) return (int32_t)status;
    static const char empty[1] = {0};
    const char *bytes = (text != NULL) ? (const char *)text : empty;
    // utext_openUTF8 reuses (and re-points) an existing UText when given one.
    segmenter->text = utext_openUTF8(segmenter->text, bytes, (int64_t)length, &status);
    if (U_FAILURE(status)) return (int32_t)status;
    ubrk_setUText(segmenter->iterator, segmenter->text, &status);
    if (U_FAILURE(status)) return (int32_t)status;
    segmenter->done = 0;
    ubrk_first(segmenter->iterator);
    return 0;
}

static int32_t gz_word_class_of(int32_t ruleStatus) {
    if (ruleStatus >= UBRK_WORD_IDEO && ruleStatus < UBRK_WORD_IDEO_LIMIT) return GZ_WORD_IDEO;
    if (ruleStatus >= UBRK_WORD_KANA && ruleStatus < UBRK_WORD_KANA_LIMIT) return GZ_WORD_KANA;
    if (ruleStatus >= UBRK_WORD_LETTER && ruleStatus < UBRK_WORD_LETTER_LIMIT) return GZ_WORD_LETTER;
    if (ruleStatus >= UBRK_WORD_NUMBER && ruleStatus < UBRK_WORD_NUMBER_LIMIT) return GZ_WORD_NUMBER;
    return GZ_WORD_NONE;
}

int32_t gz_segment_next(int32_t kind, int32_t *boundaries, int32_t *classes, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    gz_segmenter *segmenter = gz_segmenter_for(kind, &status);
    if (segmenter == NULL) return -1;
    if (segmenter->done || capacity <= 0) return 0;
    int32_t count = 0;
    while (count < capacity) {
        int32_t boundary = ubrk_next(segmenter->iterator);
        if (boundary == UBRK_DONE) {
            segmenter->done = 1;
            break;
        }
        boundaries[count] = boundary;
        if (classes != NULL) {
            classes[count] = (kind == GZ_SEGMENT_WORD) ? gz_word_class_of(ubrk_getRuleStatus(segmenter->iterator)) : 0;
        }
        count++;
    }
    return count;
}

int32_t gz_word_break_property(int32_t codepoint) {
    return u_getIntPropertyValue((UChar32)codepoint, UCHAR_WORD_BREAK);
}

int32_t gz_sentence_break_property(int32_t codepoint) {
    return u_getIntPropertyValue((UChar32)codepoint, UCHAR_SENTENCE_BREAK);
}

int32_t gz_sentence_suppressions(uint8_t *buffer, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UResourceBundle *bundle = ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "en", &status);
    UResourceBundle *exceptions = ures_getByKey(bundle, "exceptions", NULL, &status);
    UResourceBundle *list = ures_getByKey(exceptions, "SentenceBreak", NULL, &status);
    int32_t needed = 0;
    while (U_SUCCESS(status) && ures_hasNext(list)) {
        int32_t length = 0;
        const UChar *string = ures_getNextString(list, &length, NULL, &status);
        if (U_FAILURE(status)) break;
        char utf8[256];
        int32_t utf8Length = 0;
        u_strToUTF8(utf8, (int32_t)sizeof(utf8), &utf8Length, string, length, &status);
        if (U_SUCCESS(status) && utf8Length >= (int32_t)sizeof(utf8)) status = U_BUFFER_OVERFLOW_ERROR;
        if (U_FAILURE(status)) break;
        if (buffer != NULL && needed + utf8Length + 1 <= capacity) {
            memcpy(buffer + needed, utf8, (size_t)utf8Length);
            buffer[needed + utf8Length] = 0;
        }
        needed += utf8Length + 1;
    }
    if (list) ures_close(list);
    if (exceptions) ures_close(exceptions);
    if (bundle) ures_close(bundle);
    if (U_FAILURE(status)) return -(int32_t)status;
    return needed;
}

void gz_icu_version(char *buffer, int32_t capacity) {
    if (buffer == NULL || capacity <= 0) return;
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    strncpy(buffer, text, (size_t)capacity - 1);
    buffer[capacity - 1] = 0;
}

const char *gz_error_name(int32_t code) { return u_errorName((UErrorCode)code); }
