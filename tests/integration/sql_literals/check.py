#!/usr/bin/env python3
"""Check the properties on run.py's results. usage: check.py results.jsonl [fail_dump.jsonl]"""
import collections
import json
import sys
sys.path.insert(0, '/tmp/proptest_sql')
from pglex import tokens as pgtokens

res = [json.loads(l) for l in open(sys.argv[1])]
dump = open(sys.argv[2], 'w') if len(sys.argv) > 2 else None
D = lambda d: 'NULL' if d is None else d
stats = collections.defaultdict(lambda: collections.Counter())
fails = collections.defaultdict(list)
explore = collections.defaultdict(collections.Counter)


def fail(prop, r, why):
    stats[D(r['dtype'])][prop + '_fail'] += 1
    fails[prop].append({'id': r['id'], 'dtype': r['dtype'], 'cat': r['cat'], 'sql': r['sql'],
                        'stored': (r['ins'] or {}).get('stored'), 'why': why})


for r in res:
    d = D(r['dtype'])
    s = stats[d]
    s['cases'] += 1
    if not r['md5_ok']:
        s['harness_md5_mismatch'] += 1
    ins = r['ins']
    errs = [l for l in r['stderr'] + r['upd_stderr'] if l.strip()]
    # P4
    s['P4_checked'] += 1
    if ins is None or any('ERROR' in l for l in errs):
        fail('P4', r, 'error: ' + ' | '.join(errs)[:500])
        continue
    leaked_msgs = [l for l in errs for p in r['pii'] if p in l]
    if leaked_msgs:
        fail('P4', r, 'pii in message: ' + ' | '.join(leaked_msgs)[:500])
    stored = ins['stored']
    # P1
    leaked = [p for p in r['pii'] if p in stored]
    if r['explore']:
        cat = [c for c in r['cat'].split('+') if c.startswith('x_')][0]
        if cat == 'x_continuation':
            leaked = r['pii'] if all(p in stored for p in r['pii']) else []
        explore[(d, cat)]['n'] += 1
        if leaked:
            explore[(d, cat)]['leak'] += 1
            fails['explore:' + cat].append({'id': r['id'], 'dtype': r['dtype'], 'sql': r['sql'],
                                            'stored': stored, 'why': leaked})
    else:
        s['P1_checked'] += 1
        if leaked:
            fail('P1', r, leaked)
    # P2
    if r['dtype'] in (None, 'postgresql'):
        o, n = ins['o'], ins['n']
        if o['valid']:
            s['P2_checked'] += 1
            if not n['valid']:
                fail('P2', r, 'stored no longer parses')
            else:
                try:
                    same = pgtokens(r['sql']) == pgtokens(stored)
                except ValueError as e:
                    same = None
                if same is False:
                    fail('P2', r, 'token structure changed')
                elif same is None:
                    s['P2_pylex_error'] += 1
                if o['fingerprint'] != n['fingerprint']:
                    s['P2_info_fp_changed'] += 1
        else:
            s['P2_orig_invalid'] += 1
            if o['fingerprint'] != n['fingerprint']:
                s['P2_info_invalid_fp_changed'] += 1
    else:
        o, n = ins['o'], ins['n']
        s['P2b_checked'] += 1
        if o['fingerprint'] != n['fingerprint']:
            s['P2b_dialect_fp_changed'] += 1
            fails['P2b'].append({'id': r['id'], 'dtype': r['dtype'], 'cat': r['cat'], 'sql': r['sql'],
                                 'stored': stored})
    # P3
    s['P3_checked'] += 1
    u = r['upd'] or {}
    if u.get(1) != stored and u.get('1') != stored or u.get(2) != stored and u.get('2') != stored:
        fail('P3', r, {'after1': u.get('1', u.get(1)), 'after2': u.get('2', u.get(2))})
    # P5
    s['P5_checked'] += 1
    lost = [k for k in r['keep'] if k not in stored]
    if lost:
        fail('P5', r, lost)
    # design
    for k in r['design_keep']:
        s['design_checked'] += 1
        if k not in stored:
            s['design_changed'] += 1

props = ['cases', 'P1_checked', 'P1_fail', 'P2_checked', 'P2_fail', 'P2_orig_invalid', 'P2_info_fp_changed', 'P2_pylex_error', 'P2b_checked',
         'P2b_dialect_fp_changed', 'P3_checked', 'P3_fail', 'P4_checked', 'P4_fail', 'P5_checked', 'P5_fail',
         'design_checked', 'design_changed', 'harness_md5_mismatch']
print('dialect     ' + ' '.join('%s' % p for p in props))
for d in ['postgresql', 'NULL', 'mysql', 'sqlserver', 'sqlite', 'bigquery', 'oracle', 'snowflake']:
    print('%-11s ' % d + ' '.join('%*d' % (len(p), stats[d][p]) for p in props))
print()
print('exploratory (dialect, category): leaked/n')
for (d, cat), c in sorted(explore.items()):
    print(f'  {d:10s} {cat:24s} {c["leak"]}/{c["n"]}')
print()
for prop, fl in sorted(fails.items()):
    cats = collections.Counter((f['dtype'], f.get('cat', '')) for f in fl)
    print(prop, len(fl), 'by (dtype,cat):', dict(cats.most_common(12)))
if dump:
    for prop, fl in fails.items():
        for f in fl:
            dump.write(json.dumps(dict(f, prop=prop)) + '\n')

# Exit status: non-zero when a property failed (P2b, the fingerprint of SQL
# whose dialect is unknown, and the exploratory shapes are reported only).
failed = sum(stats[d][p] for d in stats for p in ('P1_fail', 'P2_fail', 'P3_fail', 'P4_fail', 'P5_fail',
                                                   'design_changed', 'harness_md5_mismatch'))
print('property failures:', failed)
sys.exit(1 if failed else 0)
