#include "text_measure.hpp"

#include <cfloat>
#include <cstring>

#include "imgui.h"
#include "imgui_internal.h"

namespace trayecto::app {

namespace {

// Does [s, end) (no '\n' in it) add width to its line? As CalcTextSizeA counts: '\r' is skipped.
bool addsWidth(const ImFont& font, const char* s, const char* end) {
    while (s < end) {
        unsigned int c = static_cast<unsigned char>(*s);
        if (c < 0x80) ++s;
        else s += ImTextCharFromUtf8(&c, s, end);
        if (c == '\r') continue;
        const float width = static_cast<int>(c) < font.IndexAdvanceX.Size ? font.IndexAdvanceX.Data[c] : font.FallbackAdvanceX;
        if (width > 0.0f) return true;
    }
    return false;
}

// Strict UTF-8 with no NUL (no overlong forms, surrogates or code points past U+10FFFF): text
// Dear ImGui decodes one whole sequence at a time, so a '\n' byte is always a line break.
bool plainUtf8(const char* s, const char* end) {
    while (s < end) {
        const unsigned char c = static_cast<unsigned char>(*s);
        if (c < 0x80) {
            if (c == 0) return false;
            ++s;
            continue;
        }
        int tail = 0;
        unsigned int code = 0, least = 0;
        if (c >= 0xC2 && c <= 0xDF) { tail = 1; code = c & 0x1F; least = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { tail = 2; code = c & 0x0F; least = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { tail = 3; code = c & 0x07; least = 0x10000; }
        else return false;
        if (end - s <= tail) return false;
        for (int i = 1; i <= tail; ++i) {
            const unsigned char t = static_cast<unsigned char>(s[i]);
            if ((t & 0xC0) != 0x80) return false;
            code = (code << 6) | (t & 0x3F);
        }
        if (code < least || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
        s += tail + 1;
    }
    return true;
}

}  // namespace

float wrappedTextHeight(const ImFont& font, float size, float wrapWidth, std::string_view text) {
    const char* s = text.data();
    const char* const end = s + text.size();
    // Wrapping switched off, a NUL (its two loops treat one unalike) or bytes that are not UTF-8:
    // Dear ImGui's own walk.
    if (wrapWidth <= 0.0f || !plainUtf8(s, end)) return font.CalcTextSizeA(size, FLT_MAX, wrapWidth, s, end).y;
    const float scale = size / font.FontSize;
    float height = 0.0f;         // added up line by line, as CalcTextSizeA does (the same rounding)
    bool lineHasWidth = false;   // CalcTextSizeA's line_width > 0
    const char* eol = nullptr;   // where the current wrapped line ends
    while (s < end) {
        if (!eol) {
            eol = font.CalcWordWrapPositionA(scale, s, end, wrapWidth);
            if (eol == s) {   // nothing fits: one whole character goes on the line
                unsigned int c = 0;
                eol = s + (static_cast<unsigned char>(*s) < 0x80 ? 1 : ImTextCharFromUtf8(&c, s, end));
            }
        }
        // Up to the wrap: each '\n' ends a line (the wrap point found from the line's start holds).
        const char* stop = eol < end ? eol : end;
        for (const char* nl; (nl = static_cast<const char*>(std::memchr(s, '\n', static_cast<size_t>(stop - s))));) {
            height += size;
            lineHasWidth = false;
            s = nl + 1;
        }
        if (!lineHasWidth) lineHasWidth = addsWidth(font, s, stop);
        s = stop;
        if (s >= end) break;
        // The wrap: a new line, skipping the blanks and one '\n' that follow.
        height += size;
        lineHasWidth = false;
        eol = nullptr;
        while (s < end) {
            const char c = *s;
            if (ImCharIsBlankA(c)) { ++s; }
            else if (c == '\n') { ++s; break; }
            else break;
        }
    }
    if (lineHasWidth || height == 0.0f) height += size;
    return height;
}

std::string fittedText(const ImFont& font, float size, std::string_view text, float room, bool atWord) {
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    const auto width = [&](const char* to) { return font.CalcTextSizeA(size, FLT_MAX, 0.0f, begin, to).x; };
    if (width(end) <= room) return std::string(text);
    const char* const ellipsis = "\xe2\x80\xa6";
    const float ellipsisWidth = font.CalcTextSizeA(size, FLT_MAX, 0.0f, ellipsis).x;
    const char* fits = begin;
    for (const char* p = begin; p < end;) {
        unsigned int c = 0;
        const int bytes = ImTextCharFromUtf8(&c, p, end);
        p += bytes > 0 ? bytes : 1;
        const bool boundary = atWord ? p < end && *p == ' ' : true;
        if (!boundary) continue;
        if (width(p) + ellipsisWidth > room) break;
        fits = p;
    }
    if (atWord && fits == begin) {   // not even one word: cut it between characters
        return fittedText(font, size, text, room, false);
    }
    return std::string(begin, fits) + ellipsis;
}

}  // namespace trayecto::app
