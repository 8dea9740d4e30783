#!/usr/bin/env python3
"""Writes dist/trayecto.html: the whole app in one self-contained file, for intranets that can
host only a file and for opening straight from disk (file://).

It is made from the same files as the served app, at build time (web/CMakeLists.txt):
web/index.html with its stylesheets, icon and scripts inlined, and the wasm and the two fonts
inlined as base64 and decoded into window.TrayectoInlineFiles, which Trayecto.mount uses instead
of downloading anything (it also skips trayecto.config.json). A Content-Security-Policy <meta>
allows exactly these inline scripts and styles (by hash), WebAssembly, and no other network
access than the page's own origin.

    python3 web/single_file.py --web web --dist dist --out dist/trayecto.html
"""
import argparse
import base64
import hashlib
import re
import sys
from pathlib import Path


def read_text(path: Path) -> str:
    # The HTML parser turns CR LF into LF: hash what the browser will see.
    return path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")


def b64(path: Path) -> str:
    return base64.b64encode(path.read_bytes()).decode("ascii")


def safe_script(text: str, name: str) -> str:
    # Inside <script>, "</script" ends the element and "<!--" changes how it is parsed. Both can
    # only appear in strings, regular expressions or comments, where "<\/" and "<\!" mean the same.
    text = re.sub(r"</(script)", r"<\\/\1", text, flags=re.IGNORECASE)
    text = text.replace("<!--", "<\\!--")
    return text


def safe_style(text: str, name: str) -> str:
    if re.search(r"</style", text, re.IGNORECASE):
        sys.exit(f"single_file.py: {name} contains </style")
    return text


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--web", required=True, type=Path, help="the web/ source folder")
    ap.add_argument("--dist", required=True, type=Path, help="the built dist/ folder")
    ap.add_argument("--out", required=True, type=Path)
    args = ap.parse_args()
    web, dist = args.web, args.dist

    page = read_text(web / "index.html")
    scripts, styles = [], []

    files_js = (
        "// The app's own files, inlined (single-file build): nothing is downloaded.\n"
        "window.TrayectoInlineFiles = (function () {\n"
        "  'use strict';\n"
        "  function bytes(text) {\n"
        "    var s = atob(text), a = new Uint8Array(s.length);\n"
        "    for (var i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);\n"
        "    return a;\n"
        "  }\n"
        "  return {\n"
        f"    wasm: bytes('{b64(dist / 'trayecto.wasm')}'),\n"
        f"    fonts: [bytes('{b64(dist / 'fonts' / 'DejaVuSans.ttf')}'),\n"
        f"            bytes('{b64(dist / 'fonts' / 'DejaVuSans-Bold.ttf')}')]\n"
        "  };\n"
        "})();\n"
    )

    def inline_script(match: re.Match) -> str:
        name = match.group(1)
        source = dist / name if (dist / name).exists() and name == "trayecto-embed.js" else web / name
        text = safe_script(read_text(source), name)
        out = ""
        if name == "trayecto-embed.js":   # the files come first
            scripts.append(files_js)
            out += f"<script>{files_js}</script>\n  "
        scripts.append(text)
        return out + f"<script>{text}</script>"

    def inline_style(match: re.Match) -> str:
        name = match.group(1)
        text = safe_style(read_text(web / name), name)
        styles.append(text)
        return f"<style>{text}</style>"

    def inline_icon(match: re.Match) -> str:
        return f'<link rel="icon" href="data:image/svg+xml;base64,{b64(web / match.group(1))}" type="image/svg+xml">'

    # Everything is inlined: nothing to preload.
    page = re.sub(r'\n *<link rel="preload" [^>]*>', "", page)
    page, n_scripts = re.subn(r'<script src="([^"]+)"></script>', inline_script, page)
    page, n_styles = re.subn(r'<link rel="stylesheet" href="([^"]+)">', inline_style, page)
    page, n_icons = re.subn(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', inline_icon, page)
    if n_scripts < 2 or n_styles < 1 or n_icons != 1 or "trayecto-embed.js" in page:
        sys.exit("single_file.py: web/index.html no longer has the expected <script>, <link> tags")

    csp = ("default-src 'none'; "
           f"script-src {' '.join(sha256(s) for s in scripts)} 'wasm-unsafe-eval'; "
           f"style-src {' '.join(sha256(s) for s in styles)}; "
           "img-src data: blob:; connect-src 'self'; base-uri 'none'; object-src 'none'; form-action 'none'")
    meta = (f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
            '  <meta name="generator" content="Trayecto single-file build (web/single_file.py)">')
    page, n_meta = re.subn(r'(<meta charset="utf-8">)', lambda m: m.group(1) + "\n  " + meta, page, count=1)
    if n_meta != 1:
        sys.exit('single_file.py: web/index.html has no <meta charset="utf-8">')

    tmp = args.out.with_name(args.out.name + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(args.out)


if __name__ == "__main__":
    main()
