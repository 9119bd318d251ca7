"""Tiny independent PostgreSQL lexer (standard_conforming_strings = on) for structure comparison:
returns tokens with string / comment contents replaced by a placeholder."""
import re

_ident = re.compile(r'[A-Za-z_\x80-\uffff][A-Za-z0-9_$\x80-\uffff]*')
_num = re.compile(r'(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?')
_dol = re.compile(r'\$([A-Za-z_\x80-\uffff][A-Za-z0-9_\x80-\uffff]*)?\$')


def tokens(s):
    out, i, n = [], 0, len(s)
    while i < n:
        c = s[i]
        if c.isspace():
            i += 1
        elif s.startswith('--', i):
            j = s.find('\n', i)
            i = n if j < 0 else j
            out.append('COMMENT')
        elif s.startswith('/*', i):
            depth, i = 1, i + 2
            while i < n and depth:
                if s.startswith('/*', i):
                    depth += 1; i += 2
                elif s.startswith('*/', i):
                    depth -= 1; i += 2
                else:
                    i += 1
            out.append('COMMENT')
        elif c in 'eE' and i + 1 < n and s[i + 1] == "'":
            i = _str(s, i + 2, True); out.append("E'S'")
        elif c in 'uU' and s.startswith("&'", i + 1):
            i = _str(s, i + 3, False); out.append("U&'S'")
        elif c in 'bBxXnN' and i + 1 < n and s[i + 1] == "'":
            i = _str(s, i + 2, False); out.append(c.upper() + "'S'")
        elif c == "'":
            i = _str(s, i + 1, False); out.append("'S'")
        elif c == '"':
            j = i + 1
            while True:
                k = s.find('"', j)
                if k < 0:
                    raise ValueError('unterminated ident')
                if s.startswith('""', k):
                    j = k + 2; continue
                break
            out.append(s[i:k + 1]); i = k + 1
        elif c == '$' and _dol.match(s, i):
            m = _dol.match(s, i)
            tag = m.group(0)
            k = s.find(tag, m.end())
            if k < 0:
                raise ValueError('unterminated dollar')
            out.append('$S$'); i = k + len(tag)
        elif _ident.match(s, i):
            m = _ident.match(s, i); out.append(m.group(0).lower()); i = m.end()
        elif c.isdigit() or (c == '.' and i + 1 < n and s[i + 1].isdigit()):
            m = _num.match(s, i); out.append(m.group(0)); i = m.end()
        else:
            out.append(c); i += 1
    # string continuation: 'a'\n'b' -> one string; harmless to keep separate on both sides
    return out


def _str(s, i, backslash):
    n = len(s)
    while i < n:
        c = s[i]
        if backslash and c == '\\':
            i += 2
        elif c == "'":
            if i + 1 < n and s[i + 1] == "'":
                i += 2
            else:
                return i + 1
        else:
            i += 1
    raise ValueError('unterminated string')
