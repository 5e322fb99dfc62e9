"""Which letters of which writing systems the installed fonts can draw.

Reads every font's coverage from fontconfig (fc-query's charset), keeps
letters (Unicode categories Lu, Ll, Lo), groups them into writing systems by
the prefix of their Unicode names ("TAI THAM LETTER HIGH KA" -> "TAI THAM"),
and lists, per letter, the fonts that cover it. Each font is one "drawer" of a
letter, as Omniglot has twenty people draw each character.
"""
import json
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict

# Ideographs and precomposed Hangul are thousands of near-duplicates of a few
# components; they would swamp the other scripts, so they are left out.
EXCLUDED_PREFIXES = ("CJK", "HANGUL SYLLABLE", "YI SYLLABLE", "TANGUT", "KHITAN", "NUSHU")
# Width and style variants repeat another script's shapes.
EXCLUDED_WORDS = ("FULLWIDTH", "HALFWIDTH", "MODIFIER", "SUBSCRIPT", "SUPERSCRIPT", "CIRCLED", "PARENTHESIZED", "SQUARED", "MATHEMATICAL")
NAME_PATTERN = re.compile(r"^(.*?) (?:CAPITAL |SMALL )?(?:LETTER|SYLLABLE|CHARACTER)\b")
MIN_LETTERS = 14
MAX_LETTERS = 55  # Omniglot's alphabets have 14 to 55 characters
MAX_FONTS_PER_LETTER = 4


def font_files():
    out = subprocess.run(["fc-list", "--format", "%{file}\n"], capture_output=True, text=True, check=True).stdout
    return sorted({line for line in out.splitlines() if line.endswith((".ttf", ".otf"))})


def charset(path):
    out = subprocess.run(["fc-query", "--format", "%{charset}", path], capture_output=True, text=True).stdout
    codes = set()
    for part in out.split():
        lo, _, hi = part.partition("-")
        codes.update(range(int(lo, 16), int(hi or lo, 16) + 1))
    return codes


def script_of(ch):
    if unicodedata.category(ch) not in ("Lu", "Ll", "Lo"):
        return None
    name = unicodedata.name(ch, "")
    if not name or name.startswith(EXCLUDED_PREFIXES) or any(word in name for word in EXCLUDED_WORDS):
        return None
    match = NAME_PATTERN.match(name)
    return match.group(1) if match else None


def main():
    letters = defaultdict(list)  # char -> fonts
    for path in font_files():
        # Bold, italic and the like are the same drawer with a thicker pen; keep regular faces.
        if re.search(r"(Bold|Italic|Light|Thin|Black|Medium|Condensed|Oblique|Semi|Extra)", path):
            continue
        for code in charset(path):
            ch = chr(code)
            if script_of(ch):
                letters[ch].append(path)
    scripts = defaultdict(list)
    for ch in sorted(letters):
        scripts[script_of(ch)].append(ch)
    inventory = {}
    for script, chars in sorted(scripts.items()):
        if len(chars) < MIN_LETTERS:
            continue
        chosen = chars[:MAX_LETTERS]
        inventory[script] = {ch: sorted(letters[ch])[:MAX_FONTS_PER_LETTER] for ch in chosen}
    json.dump(inventory, sys.stdout, ensure_ascii=False, indent=0)
    print(f"{len(inventory)} scripts, {sum(len(v) for v in inventory.values())} letters", file=sys.stderr)


if __name__ == "__main__":
    main()
