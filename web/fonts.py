#!/usr/bin/env python3
"""Writes the app's fonts into dist/fonts/ (web/CMakeLists.txt runs it at build time).

The first download has two small fonts: DejaVu Sans and DejaVu Sans Bold cut down to Latin and a
few symbols (BASE). Text in other scripts, symbols and emoji needs glyphs from PIECES, fetched
only when the map or what is typed has such a character: each piece is a subset of a Debian font
(fonts-dejavu-core, fonts-symbola) holding only code points that neither the base nor an earlier
piece has, so a character is in at most one piece. pieces.json lists each piece's file and the
exact code points it holds; the page fetches it with the first piece it needs
(web/trayecto-mount.js, GlyphPieces).

    python3 web/fonts.py --out dist/fonts
"""
import argparse
import json
import logging
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DEJAVU_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
SYMBOLA = "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"

# The first download: what Spanish and English maps need (app/fonts.cpp bakes these ranges).
BASE = "U+0020-007E,U+00A0-017F,U+2013-2014,U+2018-201E,U+2022,U+2026,U+20AC,U+2190-2193,U+2212,U+25B2-25BC,U+2605,U+2691,U+2713,U+2715"
BASE_FILES = [("DejaVuSans.ttf", DEJAVU), ("DejaVuSans-Bold.ttf", DEJAVU_BOLD)]

# Fetched when needed, in this order of preference. No right-to-left scripts (Hebrew, Arabic):
# without bidirectional layout they would read backwards.
PIECES = [
    # Latin extended, IPA, combining marks, Greek, Cyrillic, Armenian, Georgian, Vietnamese,
    # Greek extended, punctuation, currency, letterlike (™), arrows, maths, technical, boxes,
    # shapes, symbols, dingbats, braille.
    ("DejaVuSans-More.ttf", DEJAVU,
     "U+0180-058F,U+10A0-10FF,U+1D00-1FFF,U+2000-2BFF,U+2C60-2C7F,U+2E00-2E7F,U+A640-A69F,U+A720-A7FF,U+FB00-FB06,U+FFFD"),
    # What DejaVu lacks of the symbols, and the mathematical letters (𝐛𝐨𝐥𝐝 text pasted from social media).
    ("Symbola-Symbols.ttf", SYMBOLA, "U+2000-2BFF,U+1D400-1D7FF"),
    # Emoji (monochrome), split so that a smiley does not fetch every pictograph.
    ("Symbola-Faces.ttf", SYMBOLA, "U+1F600-1F64F,U+1F900-1F9FF"),
    ("Symbola-Pictographs.ttf", SYMBOLA, "U+1F300-1F5FF"),
    ("Symbola-Emoji-More.ttf", SYMBOLA, "U+1F000-1F2FF,U+1F650-1F8FF,U+1FA00-1FAFF"),
]


def parse_ranges(text):
    out = set()
    for part in text.split(","):
        lo, _, hi = part.strip()[2:].partition("-")
        out.update(range(int(lo, 16), int(hi or lo, 16) + 1))
    return out


def runs(codepoints):
    """Sorted code points as [[first, last], ...]."""
    out = []
    for c in sorted(codepoints):
        if out and out[-1][1] == c - 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    return out


def write_subset(source, codepoints, out):
    options = subset.Options()
    options.hinting = False
    options.desubroutinize = True
    font = subset.load_font(source, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    subset.save_font(font, str(out), options)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", required=True, type=Path)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    logging.getLogger("fontTools").setLevel(logging.ERROR)

    base = parse_ranges(BASE)
    for name, source in BASE_FILES:
        write_subset(source, base, args.out / name)

    covered = set(TTFont(DEJAVU).getBestCmap()) & base
    manifest = []
    for name, source, ranges in PIECES:
        has = set(TTFont(source).getBestCmap()) & parse_ranges(ranges)
        own = has - covered
        if not own:
            continue
        write_subset(source, own, args.out / name)
        covered |= own
        manifest.append({"file": name, "codepoints": runs(own)})
    tmp = args.out / "pieces.json.tmp"
    tmp.write_text(json.dumps(manifest, separators=(",", ":")) + "\n", encoding="utf-8")
    tmp.replace(args.out / "pieces.json")


if __name__ == "__main__":
    main()
