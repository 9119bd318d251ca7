#!/usr/bin/env python3
"""Regenerate src/core/tld_list.inc from Debian's publicsuffix package."""
import sys

src = sys.argv[1] if len(sys.argv) > 1 else '/usr/share/publicsuffix/public_suffix_list.dat'
tlds = set()
for line in open(src, encoding='utf-8'):
    line = line.strip()
    if not line or line.startswith('//'):
        continue
    tld = line.lstrip('!*.').split('.')[-1].lower()
    if tld.isascii() and (tld.isalpha() or tld.startswith('xn--')):
        tlds.add(tld)
with open('src/core/tld_list.inc', 'w') as f:
    f.write("// Top-level domains (ASCII labels), generated from Debian's publicsuffix\n")
    f.write('// /usr/share/publicsuffix/public_suffix_list.dat by scripts/gen-tld-list.py.\n')
    f.write('// Sorted, lower case; the email detector requires one of these as the TLD.\n')
    ordered = sorted(tlds)
    for i in range(0, len(ordered), 8):
        f.write(' '.join('"%s",' % t for t in ordered[i:i + 8]) + '\n')
print(len(tlds), 'TLDs')

# Internationalized TLDs written in the scripts an address's letters may be
# (Latin, Greek, Cyrillic: "ivan@пример.рф"), in UTF-8, for the same check.
import unicodedata
unicode_tlds = set()
for line in open(src, encoding='utf-8'):
    line = line.strip()
    if not line or line.startswith('//'):
        continue
    tld = line.lstrip('!*.').split('.')[-1].lower()
    if not tld.isascii() and all(unicodedata.name(c, '').split(' ')[0] in ('LATIN', 'GREEK', 'CYRILLIC') for c in tld):
        unicode_tlds.add(tld)
with open('src/core/tld_unicode_list.inc', 'w', encoding='utf-8') as f:
    f.write("// Top-level domains in Latin, Greek or Cyrillic letters beyond ASCII (UTF-8),\n")
    f.write("// generated from Debian's publicsuffix by scripts/gen-tld-list.py.\n")
    f.write('// Sorted by bytes, lower case.\n')
    ordered = sorted(unicode_tlds, key=lambda t: t.encode())
    for i in range(0, len(ordered), 8):
        f.write(' '.join('"%s",' % t for t in ordered[i:i + 8]) + '\n')
print(len(unicode_tlds), 'TLDs in other letters')
