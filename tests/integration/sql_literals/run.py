#!/usr/bin/env python3
"""Insert generated cases through psql, then check the properties.

usage: run.py cases.jsonl results.jsonl
"""
import hashlib
import json
import os
import random
import re
import subprocess
import sys

# The database comes from the environment (PGHOST, PGPORT, PGUSER, PGDATABASE).
ENV = dict(os.environ)
PSQL = ['psql', '-X', '-At', '-q', '-v', 'ON_ERROR_STOP=0']


def dq(s):
    """Dollar-quote s with a tag that does not occur in it."""
    while True:
        tag = '$T%06d$' % random.randrange(10**6)
        if tag not in s and not s.endswith(tag[:-1]) and not s.endswith('$T'):
            # avoid s ending in a prefix of the tag (e.g. '$') creating a false close
            if not s.endswith('$'):
                return tag + s + tag
            return tag + s + tag  # '$' at the end is fine: the tag starts with '$T' and must match fully


def lit_type(d):
    return 'NULL' if d is None else "'" + d + "'"


def info_dialect(d):
    return "'postgresql'" if d in (None, 'postgresql') else "'" + d + "'"


def run_psql(script):
    p = subprocess.run(PSQL, input=script, capture_output=True, text=True, env=ENV)
    return p.stdout, p.stderr


def split_marked(text):
    """stderr split at '@@C <id>' markers."""
    out = {}
    cur = None
    for line in text.splitlines():
        m = re.match(r'^@@C (\d+)$', line)
        if m:
            cur = int(m.group(1))
            out[cur] = []
        elif cur is not None:
            out[cur].append(line)
    return out


def insert_batch(cases):
    parts = []
    for c in cases:
        sql = c['sql']
        q = dq(sql)
        parts.append(f"\\warn '@@C {c['id']}'\n"
                     f"WITH ins AS (INSERT INTO tde_pairs (natural_language_query, sql_query, database_type) "
                     f"VALUES ('q{c['id']}', {q}, {lit_type(c['dtype'])}) "
                     f"RETURNING pair_id, sql_query, sql_valid, sql_fingerprint) "
                     f"SELECT json_build_object('id', {c['id']}, 'pair_id', ins.pair_id, 'stored', ins.sql_query, "
                     f"'valid', ins.sql_valid, 'md5', md5({q}), "
                     f"'o', (SELECT row_to_json(i) FROM tde_sql_info({q}, {info_dialect(c['dtype'])}) i), "
                     f"'n', (SELECT row_to_json(i) FROM tde_sql_info(ins.sql_query, {info_dialect(c['dtype'])}) i)) "
                     f"FROM ins;\n")
    out, err = run_psql(''.join(parts))
    res = {}
    for line in out.splitlines():
        if line.startswith('{'):
            j = json.loads(line)
            res[j['id']] = j
    return res, split_marked(err)


def update_batch(rows):
    """rows: list of (id, pair_id). Two UPDATEs per row in one session: the 2nd one hits the memo."""
    parts = []
    for cid, pid in rows:
        for k in (1, 2):
            parts.append(f"\\warn '@@C {cid}'\n"
                         f"UPDATE tde_pairs SET success = NOT success WHERE pair_id = '{pid}' "
                         f"RETURNING json_build_object('id', {cid}, 'k', {k}, 'after', sql_query);\n")
    out, err = run_psql(''.join(parts))
    res = {}
    for line in out.splitlines():
        if line.startswith('{'):
            j = json.loads(line)
            res.setdefault(j['id'], {})[j['k']] = j['after']
    return res, split_marked(err)


def main():
    src, dst = sys.argv[1], sys.argv[2]
    cases = [json.loads(l) for l in open(src)]
    B = 400
    results = []
    for b in range(0, len(cases), B):
        batch = cases[b:b + B]
        ins, err = insert_batch(batch)
        rows = [(c['id'], ins[c['id']]['pair_id']) for c in batch if c['id'] in ins]
        upd, uerr = update_batch(rows)
        for c in batch:
            r = dict(c)
            j = ins.get(c['id'])
            r['ins'] = j
            r['stderr'] = [l for l in err.get(c['id'], []) if l.strip()]
            r['upd'] = upd.get(c['id'])
            r['upd_stderr'] = [l for l in uerr.get(c['id'], []) if l.strip()]
            r['md5_ok'] = j is not None and j['md5'] == hashlib.md5(c['sql'].encode()).hexdigest()
            results.append(r)
        print(f'{b + len(batch)}/{len(cases)}', file=sys.stderr, flush=True)
    with open(dst, 'w') as f:
        for r in results:
            f.write(json.dumps(r) + '\n')


if __name__ == '__main__':
    main()
