#!/usr/bin/env python3
"""Random realistic SQL with personal values, per dialect.

Each case: {id, dtype, cat, sql, pii, keep, design_keep, explore}
  pii         raw personal values inside literals/comments: must be gone (property 1)
  keep        non-personal literal texts that must survive verbatim (property 5)
  design_keep values outside literals / inside PG quoted identifiers: kept by design (informational)
  explore     True for exploratory categories (reported separately, not counted in property 1)
"""
import json
import random
import sys

DIALECTS = ['postgresql', None, 'mysql', 'sqlserver', 'sqlite', 'bigquery', 'oracle', 'snowflake']

FIRST = ['john', 'mary', 'li', 'ahmed', 'olga', 'pedro', 'kate', 'sam', 'noah', 'emma', 'raj', 'yuki',
         'fatima', 'lucas', 'chloe', 'ivan', 'sofia', 'tom', 'anna', 'omar']
LAST = ['smith', 'obrien', 'garcia', 'chen', 'kowalski', 'nguyen', 'patel', 'muller', 'rossi', 'kim',
        'johnson', 'silva', 'dubois', 'tanaka', 'haddad']
DOMAINS = ['example.com', 'acme.org', 'mail.co.uk', 'corp.io', 'gmail.com', 'outlook.com', 'shop.de',
           'uni.edu', 'startup.ai', 'example.net']
AREAS = ['212', '310', '415', '617', '718', '312', '202', '305', '404', '503', '206', '713', '214',
         '602', '702', '801', '919', '512', '646', '347']
TABLES = ['users', 'customers', 'employees', 'orders', 'contacts', 'patients', 'accounts', 'leads',
          'members', 'subscribers']
R = random.Random()


def email():
    f, l = R.choice(FIRST), R.choice(LAST)
    sep = R.choice(['.', '_', '', '-'])
    n = R.choice(['', str(R.randint(1, 999))])
    local = f + sep + l + n
    if R.random() < 0.15:
        local = local.capitalize()
    return f'{local}@{R.choice(DOMAINS)}'


def _exch():
    return R.choice(['555', str(R.randint(201, 989))]).replace('911', '912')


def _line(exch):
    return f'01{R.randint(0, 99):02d}' if exch == '555' else f'{R.randint(1000, 9999)}'


def phone_dash():
    e = _exch()
    return f'{R.choice(AREAS)}-{e}-{_line(e)}'


def phone_paren():
    e = _exch()
    return f'({R.choice(AREAS)}) {e}-{_line(e)}'


def phone_uk():
    return f'+44 20 7946 0{R.randint(0, 999):03d}'


def phone_bare():  # only with context
    a = R.choice(AREAS)
    e = str(R.randint(201, 989)).replace('911', '912')
    return f'{a}{e}{R.randint(1000, 9999)}'


def _ssn_parts():
    while True:
        a = R.randint(1, 899)
        if a != 666:
            break
    return f'{a:03d}', f'{R.randint(1, 99):02d}', f'{R.randint(1, 9999):04d}'


def ssn_dash():
    a, g, s = _ssn_parts()
    return f'{a}-{g}-{s}'


def ssn_bare():  # only with context
    return ''.join(_ssn_parts())


def _luhn_complete(prefix, length):
    digits = [int(c) for c in prefix]
    while len(digits) < length - 1:
        digits.append(R.randint(0, 9))
    for check in range(10):
        ds = digits + [check]
        s = 0
        for i, d in enumerate(reversed(ds)):
            if i % 2 == 1:
                d *= 2
                if d > 9:
                    d -= 9
            s += d
        if s % 10 == 0:
            return ''.join(map(str, ds))


def card_digits():
    return R.choice(['4111111111111111', _luhn_complete('4', 16), _luhn_complete('4', 16),
                     _luhn_complete('51', 16), '5555555555554444'])


def card_spaced():
    d = card_digits()
    return ' '.join(d[i:i + 4] for i in range(0, 16, 4))


def card_plain():
    return card_digits()


def ipv4():
    return R.choice([f'10.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}',
                     f'192.168.{R.randint(0, 255)}.{R.randint(1, 254)}',
                     f'172.{R.randint(16, 31)}.{R.randint(0, 255)}.{R.randint(1, 254)}'])


def ipv6():
    h = lambda: format(R.randint(1, 0xffff), 'x')
    return R.choice([f'2001:db8::{h()}', f'2001:db8:{h()}::{h()}', f'2001:db8:85a3::8a2e:370:{h()}',
                     f'2001:db8:{h()}:{h()}::{h()}'])


# formatted personal values: detectable without context
FORMATTED = {
    'email': email, 'phone_dash': phone_dash, 'phone_paren': phone_paren, 'phone_uk': phone_uk,
    'ssn_dash': ssn_dash, 'card_spaced': card_spaced, 'card_plain': card_plain, 'ipv4': ipv4, 'ipv6': ipv6,
}
COLUMN_FOR = {
    'email': ['email', 'contact_email', 'work_email'], 'phone_dash': ['phone', 'contact_phone', 'phone_number'],
    'phone_paren': ['phone', 'home_phone', 'mobile'], 'phone_uk': ['phone', 'intl_phone'],
    'ssn_dash': ['ssn', 'tax_id'], 'card_spaced': ['card_number', 'cc_number', 'pan'],
    'card_plain': ['card_number', 'cc_number'], 'ipv4': ['ip_address', 'client_ip', 'last_login_ip'],
    'ipv6': ['ip_address', 'client_ipv6'],
}
# bare values and the column names that give them context
CTX_SSN_COLS = ['ssn', 'SSN', 'social_security_number', 'ssn_number', 'customer_ssn', 'p.ssn']
CTX_PHONE_COLS = ['phone', 'phone_number', 'mobile', 'cell', 'tel', 'home_phone', 'c.phone', 'fax']


def pii_value(kind=None):
    kind = kind or R.choice(list(FORMATTED))
    return kind, FORMATTED[kind]()


# ---------------------------------------------------------------- non-personal literals
def keep_value():
    k = R.randrange(9)
    if k == 0:
        return f'2024-{R.randint(1, 12):02d}-{R.randint(1, 28):02d}'
    if k == 1:
        return f'{R.randint(1, 99)},{R.randint(0, 999):03d}.{R.randint(0, 99):02d}'
    if k == 2:
        return f'{R.randint(0, 9)}.{R.randint(0, 20)}.{R.randint(0, 30)}'
    if k == 3:
        return f'INV-{R.randint(2019, 2025)}-{R.randint(1, 9999):04d}'
    if k == 4:
        return f'2024-{R.randint(1, 12):02d}-{R.randint(1, 28):02d} {R.randint(0, 23):02d}:{R.randint(0, 59):02d}:00'
    if k == 5:
        return f'{R.randint(1, 99)},{R.randint(0, 999):03d},{R.randint(0, 999):03d}.00'
    if k == 6:
        return R.choice(['shipped', 'pending', 'active', 'New York', 'premium', 'EUR'])
    if k == 7:
        return f'ORD-{R.randint(100000, 999999)}'
    return f'{R.randint(10000, 99999)}'  # zip code


OBRIEN = {'sql': "O''Brien", 'mysql': "O\\'Brien"}


# ---------------------------------------------------------------- literal syntaxes
PG_ESC = ['\\n', '\\t', '\\x41', '\\\\', "\\'", '\\r', '\\u00e9', '\\101', '\\b']
MY_ESC = ['\\n', '\\t', '\\\\', "\\'", '\\"', '\\r', '\\0', '\\Z']
BQ_ESC = ['\\n', '\\t', '\\\\', "\\'", '\\x41', '\\u00e9']


def deco():
    """Non-personal text around a value inside the same literal."""
    return R.choice(['', '', '', 'Contact: ', 'see ', 'primary ', 'Notes - ']), \
        R.choice(['', '', '', ' (home)', ' ok', ', verified', ' - Mr. O'])


class Lit:
    def __init__(self, dtype):
        self.d = dtype

    def pg(self, v, allow_dollar=True):
        pre, post = deco()
        s = R.randrange(10)
        if s <= 2:
            return f"'{pre}{v}{post}'"
        if s == 3:
            return f"'O''Brien {v}{post}'"
        if s in (4, 5):
            e1 = R.choice(PG_ESC + [''])
            e2 = R.choice(PG_ESC + [''])
            return R.choice(['E', 'e']) + f"'{pre}{e1}{v}{e2}{post}'"
        if s == 6:
            if R.random() < 0.5:
                return f"U&'\\0041{pre}{v}\\00e9{post}'"
            return f"U&'!0041{v}!0042' UESCAPE '!'"
        if s == 7 and allow_dollar:
            return f'$${pre}{v}{post}$$'
        if s == 8 and allow_dollar:
            tag = R.choice(['q', 'body', 'x1', 'TAG'])
            return f'${tag}${pre}{v}{post}${tag}$'
        return f"'{pre}{v}{post}'"

    def mysql(self, v):
        pre, post = deco()
        s = R.randrange(8)
        if s <= 1:
            return f"'{pre}{v}{post}'"
        if s == 2:
            return f"'{R.choice(MY_ESC)}{v}{R.choice(MY_ESC)}'"
        if s == 3:
            return f"\"{pre}{v}{post}\""
        if s == 4:
            return f"\"{R.choice(MY_ESC)}{v}{R.choice(MY_ESC)}\""
        if s == 5:
            return f"'It\\'s {v}'" if R.random() < .5 else f"'O''Brien {v}'"
        if s == 6:
            return R.choice(['_utf8mb4', 'N', '_latin1']) + f"'{v}'"
        return f"\"say \\\"hi\\\" {v}\""

    def tsql(self, v):
        pre, post = deco()
        s = R.randrange(5)
        if s <= 1:
            return f"N'{pre}{v}{post}'"
        if s == 2:
            return f"'O''Brien {v}'"
        return f"'{pre}{v}{post}'"

    def sqlite(self, v):
        pre, post = deco()
        if R.random() < 0.2:
            return f"'O''Brien {v}'"
        return f"'{pre}{v}{post}'"

    def ora(self, v):
        pre, post = deco()
        s = R.randrange(6)
        if s <= 1:
            return f"'{pre}{v}{post}'"
        if s == 2:
            return f"'O''Brien {v}{post}'"
        if s == 3:  # q-quotes exist to hold apostrophes
            o, cl = R.choice([('[', ']'), ('{', '}'), ('(', ')'), ('<', '>'), ('!', '!'), ('#', '#')])
            return R.choice(['q', 'Q', 'nq', 'Nq']) + f"'{o}It's {pre}{v}{post}{cl}'"
        if s == 4:
            return f"N'{pre}{v}{post}'"
        return f"q'[don't] {v}]'"

    def sf(self, v):
        pre, post = deco()
        s = R.randrange(6)
        if s <= 1:
            return f"'{pre}{v}{post}'"
        if s == 2:
            return f"'It\\'s {v}{post}'"
        if s == 3:
            return f"'{R.choice(BQ_ESC)}{v}{R.choice(BQ_ESC)}'"
        if s == 4:
            return f'$${pre}{v}{post}$$'
        return f"'O''Brien {v}'"

    def bq(self, v):
        pre, post = deco()
        s = R.randrange(8)
        if s <= 1:
            return f"'{pre}{v}{post}'"
        if s == 2:
            return f"\"{pre}{v}{post}\""
        if s == 3:
            return f"'{R.choice(BQ_ESC)}{v}{R.choice(BQ_ESC)}'"
        if s == 4:
            return R.choice(['r', 'R']) + f"'{pre}{v}'"
        if s == 5:
            return f"'''{pre}{v}{post}'''"
        if s == 6:
            return f'"""{pre}{v}\n{post}"""'
        return f"\"{R.choice(BQ_ESC)}{v}\""

    def __call__(self, v, allow_dollar=True):
        d = self.d
        if d in ('postgresql', None):
            return self.pg(v, allow_dollar)
        if d == 'mysql':
            return self.mysql(v)
        if d == 'sqlserver':
            return self.tsql(v)
        if d == 'sqlite':
            return self.sqlite(v)
        if d == 'oracle':
            return self.ora(v)
        if d == 'snowflake':
            return self.sf(v)
        return self.bq(v)

    def plain(self, v):
        """A simple literal with the dialect's ordinary quoting (for keep values / contexts)."""
        if self.d == 'sqlserver' and R.random() < .3:
            return f"N'{v}'"
        if self.d == 'bigquery' and R.random() < .3:
            return f'"{v}"'
        return f"'{v}'"


def ident(d, name):
    """A column/table name in the dialect's quoting (sometimes)."""
    if R.random() < 0.6 or '.' in name:
        return name
    if d == 'mysql' or d == 'bigquery':
        return f'`{name}`'
    if d == 'sqlserver':
        return f'[{name}]'
    if d == 'sqlite':
        return R.choice([f'[{name}]', f'`{name}`', f'"{name}"'])
    return f'"{name}"'


def table(d):
    t = R.choice(TABLES)
    if d == 'sqlserver':
        return R.choice([t, f'dbo.{t}', f'[dbo].[{t}]', f'[{t.capitalize()}]'])
    if d == 'bigquery':
        return R.choice([f'`proj.crm.{t}`', f'crm.{t}', f'`crm`.{t}'])
    if d == 'mysql':
        return R.choice([t, f'`{t}`', f'crm.{t}'])
    if d in ('postgresql', None):
        return R.choice([t, f'public.{t}', f'"{t.capitalize()}"'])
    return t


def limit(d, n):
    if d == 'sqlserver':
        return ''
    return f' LIMIT {n}'


def top(d):
    return f'TOP {R.randint(1, 100)} ' if d == 'sqlserver' and R.random() < .5 else ''


def like_wrap(v):
    pre = R.choice(['%', '_', '%_', '', '%'])
    post = R.choice(['%', '_', '', '%', '_%'])
    if pre == '' and post == '':
        post = '%'
    return pre + v + post


def line_comment(d, text):
    if d in ('mysql', 'bigquery') and R.random() < .4:
        return f'# {text}\n'
    if d == 'snowflake' and R.random() < .5:
        return f"// {R.choice(['', 'don' + chr(39) + 't call '])}{text}\n"
    return f'-- {text}\n'


def block_comment(d, text, text2=None):
    if d in ('postgresql', None, 'sqlserver') and text2 is not None:
        return f'/* outer /* inner {text} */ then {text2} */'
    return f'/* {text} */'


# ---------------------------------------------------------------- statement builders
class Case:
    def __init__(self, d):
        self.d = d
        self.lit = Lit(d)
        self.pii = []
        self.keep = []
        self.design_keep = []
        self.explore = False
        self.cats = []

    def p(self, kind=None):
        k, v = pii_value(kind)
        self.pii.append(v)
        return k, v

    def k(self):
        v = keep_value()
        self.keep.append(v)
        return self.lit.plain(v)

    def obrien(self):
        if self.d == 'mysql' and R.random() < .5:
            s = OBRIEN['mysql']
        else:
            s = OBRIEN['sql']
        self.keep.append(s)
        return f"'{s}'"


def st_where(c):
    k, v = c.p()
    col = R.choice(COLUMN_FOR[k])
    d = c.d
    extra = R.choice([lambda: '', lambda: f" AND created_at >= {c.k()}", lambda: f" AND status = {c.k()}",
                      lambda: f" AND last_name = {c.obrien()}", lambda: f" AND id = {R.randint(1, 99999)}"])()
    return f"SELECT {top(d)}id, {ident(d, 'name')}, {ident(d, col)} FROM {table(d)} WHERE {ident(d, col)} = {c.lit(v)}{extra}{limit(d, R.randint(1, 50))}"


def st_like(c):
    k, v = c.p(R.choice(['email', 'email', 'phone_dash', 'phone_paren', 'ssn_dash', 'ipv4', 'phone_uk', 'card_spaced']))
    col = R.choice(COLUMN_FOR[k])
    op = 'ILIKE' if c.d in ('postgresql', None) and R.random() < .3 else 'LIKE'
    neg = R.choice(['', '', 'NOT '])
    pat = like_wrap(v)
    if c.d in ('postgresql', None) and R.random() < .2:
        lit = f"E'{pat}'"
    else:
        lit = c.lit.plain(pat)
    return f"SELECT * FROM {table(c.d)} WHERE {col} {neg}{op} {lit} ORDER BY {R.choice(['id', 'name', 'created_at'])}"


def st_in(c):
    k = R.choice(['email', 'email', 'phone_dash', 'phone_paren', 'ssn_dash', 'ipv4', 'ipv6', 'card_plain'])
    n = R.choice([2, 3, 5, 8, 12, 20, 30, 40])
    vals = []
    for _ in range(n):
        _, v = c.p(k)
        vals.append(c.lit.plain(v) if R.random() < .8 else c.lit(v, allow_dollar=False))
    col = R.choice(COLUMN_FOR[k])
    return f"SELECT id FROM {table(c.d)} WHERE {col} IN ({', '.join(vals)})"


def st_update(c):
    k, v = c.p()
    col = R.choice(COLUMN_FOR[k])
    return f"UPDATE {table(c.d)} SET {ident(c.d, col)} = {c.lit(v)}, updated_at = {c.k()} WHERE id = {R.randint(1, 99999)}"


def st_insert(c):
    _, e = c.p('email')
    k2, v2 = c.p(R.choice(['phone_dash', 'phone_paren', 'phone_uk']))
    k3, v3 = c.p(R.choice(['ssn_dash', 'card_spaced', 'ipv4', 'ipv6', 'card_plain']))
    rows = [f"({c.obrien()}, {c.lit(e)}, {c.lit(v2)}, {c.lit(v3)}, {c.k()})"]
    for _ in range(R.randint(0, 3)):
        _, e = c.p('email')
        _, v2 = c.p(R.choice(['phone_dash', 'phone_paren']))
        rows.append(f"({c.lit.plain(R.choice(LAST).capitalize())}, {c.lit.plain(e)}, {c.lit.plain(v2)}, NULL, {c.k()})")
    return f"INSERT INTO {table(c.d)} (last_name, email, phone, extra, note) VALUES {', '.join(rows)}"


def st_json(c):
    k, v = c.p()
    k2, v2 = c.p(R.choice(['email', 'phone_dash', 'ipv4']))
    key = R.choice(COLUMN_FOR[k])
    body = f'{{"{key}": "{v}", "contact": {{"{COLUMN_FOR[k2][0]}": "{v2}"}}, "tags": ["vip"]}}'
    d = c.d
    if d in ('postgresql', None):
        return R.choice([f"SELECT * FROM events WHERE payload @> '{body}'::jsonb",
                         f"INSERT INTO audit (doc) VALUES ('{body}'::jsonb)",
                         f"SELECT '{body}'::json ->> '{key}'"])
    if d == 'mysql':
        return R.choice([f"SELECT * FROM events WHERE JSON_CONTAINS(payload, '{body}')",
                         f"INSERT INTO audit (doc) VALUES (CAST('{body}' AS JSON))"])
    if d == 'sqlserver':
        return f"SELECT * FROM events WHERE JSON_VALUE(payload, '$.{key}') = JSON_VALUE(N'{body}', '$.{key}')"
    if d == 'sqlite':
        return f"SELECT * FROM events WHERE json_extract(payload, '$.{key}') = json_extract('{body}', '$.{key}')"
    return f"SELECT * FROM `proj.ds.events` WHERE JSON_VALUE(payload, '$.{key}') = JSON_VALUE(JSON '{body}', '$.{key}')"


def st_json_ctx(c):
    """Bare SSN / phone inside a JSON literal, its key giving the context."""
    if R.random() < .5:
        v = ssn_bare()
        key = R.choice(['ssn', 'SSN', 'social_security_number'])
    else:
        v = phone_bare()
        key = R.choice(['phone', 'mobile', 'phone_number', 'cell'])
    c.pii.append(v)
    body = f'{{"name": "Ann", "{key}": "{v}"}}'
    tail = '::jsonb' if c.d in ('postgresql', None) else ''
    return f"INSERT INTO profiles (doc) VALUES ('{body}'{tail})"


def st_comment(c):
    _, v = c.p()
    _, v2 = c.p()
    d = c.d
    s = R.randrange(4)
    base = st_where_plain(c) if s != 2 else ''
    if s == 0:
        return line_comment(d, f'lookup requested by {v} re {v2}') + base
    if s == 1:
        return base + ' ' + block_comment(d, f'customer {v}', v2 if R.random() < .6 else None)
    if s == 2:
        return f"SELECT id /* {v} */, name FROM {table(d)} -- {v2}\nWHERE id > {R.randint(1, 9)}"
    return base + '\n' + line_comment(d, f'{v} ; {v2}').rstrip('\n')


def st_where_plain(c):
    return f"SELECT id, name FROM {table(c.d)} WHERE status = {c.k()}"


def st_dollar(c):
    _, v = c.p()
    _, v2 = c.p()
    s = R.randrange(4)
    if s == 0:
        return f"DO $$ BEGIN RAISE NOTICE 'contact {v}'; UPDATE users SET email = '{v2}' WHERE id = 1; END $$"
    if s == 1:
        return (f"CREATE FUNCTION lookup_{R.randint(1, 999)}() RETURNS text LANGUAGE sql AS $fn$ "
                f"SELECT name FROM users WHERE email = '{v}' OR phone = '{v2}' $fn$")
    if s == 2:
        return f"SELECT $q${v}$q$ AS a, $${v2}$$ AS b"
    return f"COMMENT ON COLUMN users.email IS $c$example: {v}, {v2}$c$"


def st_ctx(c):
    """Bare SSN / phone next to a column name."""
    d = c.d
    parts = []
    for _ in range(R.randint(1, 3)):
        if R.random() < .5:
            v = ssn_bare()
            col = R.choice(CTX_SSN_COLS)
        else:
            v = phone_bare()
            col = R.choice(CTX_PHONE_COLS)
        c.pii.append(v)
        parts.append((col, v))
    s = R.randrange(3)
    lit = lambda v: c.lit.plain(v) if R.random() < .7 else c.lit(v, allow_dollar=False)
    if s == 0:
        cond = ' AND '.join(f'{col} = {lit(v)}' for col, v in parts)
        return f"SELECT * FROM {table(d)} WHERE {cond}"
    if s == 1:
        sets = ', '.join(f"{col.split('.')[-1]} = {lit(v)}" for col, v in parts)
        return f"UPDATE {table(d)} SET {sets} WHERE id = {R.randint(1, 9999)}"
    cond = ' OR '.join(f'{col} = {lit(v)}' for col, v in parts)
    return f"DELETE FROM {table(d)} WHERE {cond}"


def st_ctx_in(c):
    """Bare SSNs / phones in an IN list after the column name."""
    n = R.choice([2, 3, 4, 6, 10, 15, 25])
    if R.random() < .5:
        col, f = R.choice(CTX_SSN_COLS), ssn_bare
    else:
        col, f = R.choice(CTX_PHONE_COLS), phone_bare
    vals = [f() for _ in range(n)]
    c.pii.extend(vals)
    return f"SELECT * FROM {table(c.d)} WHERE {col} IN ({', '.join(c.lit.plain(v) for v in vals)})"


def st_case(c):
    _, v = c.p()
    _, v2 = c.p()
    return (f"SELECT id, CASE WHEN email = {c.lit(v, allow_dollar=False)} THEN 'owner' "
            f"WHEN notes LIKE {c.lit.plain('%' + v2 + '%')} THEN 'flagged' ELSE {c.k()} END AS role FROM {table(c.d)}")


def st_outside(c):
    """Bare numbers outside literals (kept by design) next to a literal value."""
    n = phone_bare()
    c.design_keep.append(n)
    _, v = c.p()
    return f"SELECT * FROM {table(c.d)} WHERE id = {n} OR {R.choice(['email', 'note'])} = {c.lit(v)}"


def st_dialect_specific(c):
    d = c.d
    _, v = c.p()
    if d in ('postgresql', None):
        s = R.randrange(4)
        if s == 0:  # quoted identifier holding a value: kept by design
            q = email()
            c.design_keep.append(q)
            return f'SELECT "{q}" FROM t WHERE note = {c.lit(v)}'
        if s == 1:
            return f"SELECT format('%s <{v}>', name) FROM users WHERE created > {c.k()}::date"
        if s == 2:
            return f"SELECT * FROM logs WHERE msg ~* {c.lit.plain(v)} AND ts > now() - interval '1 day'"
        return f"PREPARE q AS SELECT * FROM users WHERE email = $1 OR alt = {c.lit(v)}; EXECUTE q({c.lit.plain(email())})"
    if d == 'mysql':
        s = R.randrange(3)
        if s == 0:
            return f"SELECT * FROM `users` WHERE `email` = \"{v}\" # lookup {R.choice(['', 'for ' + v])}"
        if s == 1:
            return f"SELECT CONCAT('Mr. O\\'Brien <', \"{v}\", '>') FROM dual"
        return f"INSERT INTO `log` (`msg`) VALUES ('line1\\nline2 {v}\\t') ON DUPLICATE KEY UPDATE msg = VALUES(msg)"
    if d == 'sqlserver':
        s = R.randrange(3)
        if s == 0:
            return f"SELECT TOP 10 [Email], [Phone Number] FROM [dbo].[Customers] WHERE [Email] = N'{v}'"
        if s == 1:
            return f"DECLARE @e NVARCHAR(100) = N'{v}'; SELECT * FROM [Customer's Table] WHERE email = @e"
        return f"EXEC sp_find_customer @email = N'{v}', @since = {c.k()}"
    if d == 'sqlite':
        s = R.randrange(2)
        if s == 0:
            return f"SELECT * FROM [users] WHERE `email` = '{v}' LIMIT 1"
        return f"INSERT OR REPLACE INTO contacts (email) VALUES ('{v}')"
    if d == 'oracle':
        s = R.randrange(3)
        if s == 0:
            return f"SELECT * FROM hr.employees WHERE email = q'[{v}]' AND ROWNUM <= 10"
        if s == 1:
            return f"INSERT ALL INTO contacts (note) VALUES (q'{{It's {v}}}') INTO audit_log (note) VALUES ('x') SELECT * FROM dual"
        return f"SELECT NVL(note, '{v}') FROM staff WHERE hired > DATE '2020-01-01' -- owner {v}\n"
    if d == 'snowflake':
        s = R.randrange(3)
        if s == 0:
            return f"SELECT * FROM crm.public.users // don't log {v}\nWHERE email = '{v}'"
        if s == 1:
            return f"COPY INTO contacts FROM @stage/contacts/ PATTERN = '.*{R.randint(1, 9)}.csv' -- {v}\n"
        return f"SELECT * FROM users WHERE note = 'it\\'s {v}' QUALIFY ROW_NUMBER() OVER (ORDER BY id) = 1"
    # bigquery
    s = R.randrange(3)
    if s == 0:
        return f"SELECT * FROM `my-proj.crm.users` WHERE email = \"{v}\" AND REGEXP_CONTAINS(note, r'\\d+')"
    if s == 1:
        return f"SELECT * FROM `crm.users` WHERE email IN UNNEST([\"{v}\", {c.lit.plain(email_p(c))}])"
    return f"SELECT STRUCT('{v}' AS email) AS s # note {R.choice(['', v])}"


def email_p(c):
    _, e = c.p('email')
    return e


def st_broken(c):
    d = c.d
    _, v = c.p()
    s = R.randrange(6)
    if s == 0:  # unterminated string
        return f"SELECT * FROM {table(d)} WHERE email = '{v}"
    if s == 1:
        return f"SELECT * FROM {table(d)} WHERE note = 'x' AND email = '{v} AND id = 1"
    if s == 2:  # unterminated comment
        return f"SELECT 1 /* todo: {v}"
    if s == 3:
        if d in ('postgresql', None):
            return f"SELECT $$ {v}"
        if d == 'mysql' or d == 'bigquery':
            return f"SELECT \"{v}"
        return f"SELECT N'{v}"
    if s == 4:  # syntax error, literals fine
        return f"SELEC * FORM {table(d)} WHERE email = {c.lit(v)} AND AND"
    if d in ('postgresql', None):
        return f"SELECT E'{v}\\"
    return f"SELECT '{v}\\"


def st_explore(c):
    """Exploratory shapes: values split by escapes / continuations / positional context / dq strings."""
    d = c.d
    c.explore = True
    s = R.randrange(8)
    if s == 0 and d in ('postgresql', None):
        c.cats.append('x_escape_inside')
        e = email().replace('@', chr(92) + 'x40')  # the address written with an escaped '@'
        c.pii.append(e)
        return f"SELECT * FROM users WHERE email = E'{e}'"
    if s == 1 and d in ('postgresql', None):
        c.cats.append('x_continuation')
        e = phone_dash()
        c.pii += [e[:7], e[7:]]  # both halves unchanged = the number is still there
        return f"SELECT '{e[:7]}'\n'{e[7:]}' AS phone"
    if s == 2:
        c.cats.append('x_insert_positional')
        sn, ph = ssn_bare(), phone_bare()
        c.pii += [sn, ph]
        return (f"INSERT INTO people (id, first_name, last_name, ssn, phone, city) VALUES "
                f"({R.randint(1, 999)}, 'Ann', 'Lee', '{sn}', '{ph}', 'Boston')")
    if s == 3 and d in ('sqlite', 'sqlserver'):
        c.cats.append('x_dq_string')
        e = email()
        c.pii.append(e)
        return f'SELECT * FROM users WHERE email = "{e}"'
    if s == 4:
        c.cats.append('x_unescaped_quote')
        e = email()
        c.pii.append(e)
        return f"SELECT * FROM users WHERE last_name = 'O'Brien' AND email = '{e}'"
    if s == 5:
        c.cats.append('x_like_underscore_sep')
        p = phone_dash().replace('-', '_')
        c.pii.append(p)
        return f"SELECT * FROM users WHERE phone LIKE '{p}'"
    if s == 6:
        c.cats.append('x_ctx_far')
        v = ssn_bare()
        c.pii.append(v)
        return f"SELECT * FROM users WHERE ssn = '{v}' OR ssn = '{ssn_bare()}'" if False else \
            f"SELECT name FROM users WHERE ssn IS NOT NULL AND status = 'active' AND ssn = '{v}'"
    c.cats.append('x_ctx_alias')
    v = phone_bare()
    c.pii.append(v)
    return f"SELECT * FROM users u WHERE u.contact_phone_number_primary = '{v}'"


BUILDERS = [
    ('where', st_where, 10), ('like', st_like, 6), ('in_list', st_in, 5), ('update', st_update, 5),
    ('insert', st_insert, 6), ('json', st_json, 5), ('json_ctx', st_json_ctx, 3), ('comment', st_comment, 6),
    ('ctx', st_ctx, 6), ('ctx_in', st_ctx_in, 3), ('case', st_case, 3), ('outside', st_outside, 2),
    ('dialect', st_dialect_specific, 6), ('broken', st_broken, 4), ('dollar', st_dollar, 4),
]


def one_statement(c, allow_broken=True):
    items = [b for b in BUILDERS if (b[0] != 'dollar' or c.d in ('postgresql', None))
             and (allow_broken or b[0] != 'broken')]
    name, fn, _ = R.choices(items, weights=[b[2] for b in items])[0]
    c.cats.append(name)
    return fn(c)


def make_case(d, i):
    c = Case(d)
    r = R.random()
    if r < 0.06:
        sql = st_explore(c)
    elif r < 0.18:  # multi-statement
        n = R.randint(2, 4)
        stmts = [one_statement(c, allow_broken=False) for _ in range(n)]
        c.cats.append('multi')
        sql = ';\n'.join(stmts) + R.choice([';', '', ';\n'])
    else:
        sql = one_statement(c)
    # values in the keep list that are also substrings of a pii value are useless checks
    c.keep = [k for k in c.keep if not any(k in p for p in c.pii)]
    return {'id': i, 'dtype': d, 'cat': '+'.join(sorted(set(c.cats))), 'sql': sql, 'pii': c.pii,
            'keep': c.keep, 'design_keep': c.design_keep, 'explore': c.explore}


def main():
    per = int(sys.argv[1]) if len(sys.argv) > 1 else 3200
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 12345
    R.seed(seed)
    i = 0
    for d in DIALECTS:
        for _ in range(per):
            i += 1
            print(json.dumps(make_case(d, i)))


if __name__ == '__main__':
    main()
