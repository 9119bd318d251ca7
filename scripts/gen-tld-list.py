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
