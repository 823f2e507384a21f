#!/usr/bin/python3
"""Differential test of `onboard check-id` against Debian's python3-stdnum 1.18.

Generates mutated identifiers (substitutions, transpositions, drops, inserts, formatting noise) from
every python-stdnum test vector of each scheme, with a fixed seed, runs `onboard check-id SCHEME` and
stdnum's validate()/compact() on the same inputs, and compares validity and the compact form.
Every disagreement must fall in a category listed in explanations.tsv (a rule python-stdnum changed
after 1.18, which onboard follows, or a documented limitation); anything else fails the test.

Run with Debian's interpreter (the one that sees python3-stdnum):
    /usr/bin/python3 tests/ids/differential.py --onboard build/h-ids/cli/onboard
"""
import argparse
import collections
import importlib
import json
import pathlib
import random
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE.parent / 'data' / 'stdnum'
SEED = 20261122
DIGITS = '0123456789'
LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
# Separators and Unicode look-alikes people paste; stdnum maps the Unicode ones to ASCII.
NOISE = [' ', '-', '.', '/', ' ', ':', ',', '\u2013', '\u00a0', '\u2009', '\u30fb', '\t']
# Inputs per scheme; eu.vat covers 30 national rules, so it gets more.
DEFAULT_COUNT = 2200
COUNTS = {'eu.vat': 15000, 'iban': 6000, 'bic': 3000}
# eu.vat prefix -> the national scheme whose vectors also seed it (and the other way round).
VAT_PREFIX = {
    'AT': 'at.uid', 'BE': 'be.vat', 'BG': 'bg.vat', 'CY': 'cy.vat', 'CZ': 'cz.dic', 'DE': 'de.vat', 'DK': 'dk.cvr',
    'EE': 'ee.kmkr', 'EL': 'gr.vat', 'ES': 'es.nif', 'FI': 'fi.alv', 'FR': 'fr.tva', 'HR': 'hr.oib', 'HU': 'hu.anum',
    'IE': 'ie.vat', 'IT': 'it.iva', 'LT': 'lt.pvm', 'LU': 'lu.tva', 'LV': 'lv.pvn', 'MT': 'mt.vat', 'NL': 'nl.btw',
    'PL': 'pl.nip', 'PT': 'pt.nif', 'RO': 'ro.cf', 'SE': 'se.vat', 'SI': 'si.ddv', 'SK': 'sk.dph', 'XI': 'gb.vat',
}


def load_seeds():
    """Every vector input per scheme (module name without 'stdnum.')."""
    seeds = collections.defaultdict(set)
    for name in ('vectors-1.18.tsv', 'vectors-head.tsv'):
        for line in (DATA / name).read_text(encoding='utf-8').splitlines()[1:]:
            cols = line.split('\t')
            if len(cols) >= 6 and cols[1].startswith('stdnum.') and '\n' not in cols[4]:
                seeds[cols[1][7:]].add(cols[4])
    for number in list(seeds['eu.vat']):
        national = VAT_PREFIX.get(number.strip()[:2].upper())
        if national:
            seeds[national].add(number)
    for prefix, national in VAT_PREFIX.items():
        seeds['eu.vat'].update(prefix + n for n in list(seeds[national]) if n[:1].isdigit())
    return seeds


def mutate(rng, s):
    """One random edit of s."""
    op = rng.randrange(9)
    i = rng.randrange(len(s)) if s else 0
    if op == 0 and s:  # substitute, keeping the kind of character most of the time
        c = s[i]
        pool = DIGITS if c.isdigit() and rng.random() < 0.8 else LETTERS if c.isalpha() and rng.random() < 0.8 else DIGITS + LETTERS
        return s[:i] + rng.choice(pool) + s[i + 1:]
    if op == 1 and len(s) > 1:  # transpose neighbours
        i = min(i, len(s) - 2)
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    if op == 2 and s:  # drop
        return s[:i] + s[i + 1:]
    if op == 3:  # insert
        return s[:i] + rng.choice(DIGITS + LETTERS) + s[i:]
    if op == 4:  # separator noise
        return s[:i] + rng.choice(NOISE) + s[i:]
    if op == 5:  # case
        return s.lower() if rng.random() < 0.5 else s.upper()
    if op == 6:  # surrounding white space
        return rng.choice([' ', '\t', '  ']) + s + rng.choice(['', ' ', '\u00a0'])
    if op == 7 and s:  # a full-width digit for a digit
        j = [k for k, c in enumerate(s) if c in DIGITS]
        if j:
            k = rng.choice(j)
            return s[:k] + chr(0xFF10 + int(s[k])) + s[k + 1:]
    if op == 8 and len(s) > 2:  # repeat or drop a two-letter prefix
        return s[:2] + ' ' + s if rng.random() < 0.5 else s[2:]
    return s + rng.choice(DIGITS)


def inputs_for(rng, scheme, seeds, count):
    base = sorted(seeds)
    out = list(base)
    while len(out) < count:
        s = rng.choice(base)
        for _ in range(1 + (rng.random() < 0.3)):
            s = mutate(rng, s)
        if '\n' not in s and '\r' not in s:
            out.append(s)
    return out[:max(count, len(base))]


def run_onboard(onboard, scheme, inputs):
    proc = subprocess.run([onboard, 'check-id', scheme], input='\n'.join(inputs) + '\n', capture_output=True,
                          encoding='utf-8', check=True)
    return [json.loads(line) for line in proc.stdout.splitlines()]


def run_stdnum(module, number):
    """(valid, validate() result or None, compact() or None, unexpected exception name or None)."""
    from stdnum.exceptions import ValidationError
    try:
        result = module.validate(number)
        valid, crash = True, None
    except ValidationError:
        result, valid, crash = None, False, None
    except Exception as e:  # noqa: B902 - stdnum 1.18 raises IndexError/ValueError on some input
        result, valid, crash = None, False, type(e).__name__
    try:
        compact = module.compact(number)
    except Exception:  # noqa: B902
        compact = None
    return valid, result, compact, crash


def national_part(scheme, number):
    """The scheme whose rule decided `number` and the number as that rule sees it."""
    s = number.strip().upper()
    if scheme == 'eu.vat':
        cc = ''.join(ch for ch in s if ch not in ' -.')[:2]
        return (VAT_PREFIX.get(cc, 'eu.oss' if cc in ('EU', 'IM') else None), cc)
    return scheme, None


def classify(scheme, number, ours, theirs):
    """The explanations.tsv category of one disagreement, or None."""
    valid, result, compact, crash = theirs
    rule, cc = national_part(scheme, number)
    oc = ours['compact']
    body = oc[2:] if scheme == 'eu.vat' else oc
    if crash:
        return 'stdnum-1.18-crash'
    if rule == 'eu.oss' and ours['valid']:
        return 'head-eu-oss'
    repeated_ro = (scheme == 'eu.vat' and cc == 'RO' and body.startswith('RO')) or oc.startswith('RORO')
    if rule == 'ro.cf' and repeated_ro and not ours['valid']:
        return 'head-duplicate-prefix'
    if rule == 'be.vat' and ours['error'] and ours['error']['failure'] == 'component':
        return 'head-be-first-digit'
    if rule == 'lv.pvn' and body.startswith('32') and len(body) == 11:
        return 'head-lv-undated-personal-code'
    if rule == 'ch.uid' and oc.startswith('CHE') and not number.strip().upper().replace(' ', '').startswith('CHE'):
        return 'head-ch-uid-bare-digits'
    if scheme == 'br.cnpj' and (any(c.isalpha() for c in oc) or oc.startswith('000000000000') or
                                (compact is not None and compact != oc and compact.upper() == oc)):
        return 'head-br-cnpj-alphanumeric'
    if scheme == 'bic' and ours['error'] and ours['error']['failure'] == 'component':
        return 'head-bic-country'
    if scheme == 'iban' and oc[:2] in ('FK', 'HN', 'MN', 'NI', 'OM', 'SO', 'YE'):
        return 'iban-registry-release-101'
    if scheme == 'iban' and oc.startswith('BE') and ours['valid'] and not valid:
        return 'be-iban-bank-code-not-checked'
    return None


def compare(scheme, inputs, ours, module):
    """Yields (category or None, input, ours, theirs) for each disagreement."""
    for number, o in zip(inputs, ours):
        theirs = run_stdnum(module, number)
        valid, result, compact, _ = theirs
        differs = o['valid'] != valid or (valid and o['compact'] != result) or \
            (compact is not None and o['compact'] != compact)
        if differs:
            yield classify(scheme, number, o, theirs), number, o, theirs


def load_explanations():
    out = {}
    for line in (HERE / 'explanations.tsv').read_text(encoding='utf-8').splitlines()[1:]:
        if line and not line.startswith('#'):
            category, reason = line.split('\t', 1)
            out[category] = reason
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--onboard', required=True, help='path of the onboard binary')
    parser.add_argument('--show', type=int, default=3, help='examples printed per category')
    args = parser.parse_args()
    started = time.monotonic()
    rng = random.Random(SEED)
    seeds = load_seeds()
    explanations = load_explanations()
    schemes = subprocess.run([args.onboard, 'check-id'], capture_output=True, encoding='utf-8').stderr
    schemes = schemes.split('schemes:')[1].split()
    total, by_category, examples, no_oracle = 0, collections.Counter(), collections.defaultdict(list), []
    for scheme in schemes:
        try:
            module = importlib.import_module('stdnum.' + scheme)
        except ImportError:
            no_oracle.append(scheme)
            continue
        inputs = inputs_for(rng, scheme, seeds[scheme], COUNTS.get(scheme, DEFAULT_COUNT))
        ours = run_onboard(args.onboard, scheme, inputs)
        assert len(ours) == len(inputs), scheme
        total += len(inputs)
        for category, number, o, theirs in compare(scheme, inputs, ours, module):
            key = category or 'UNEXPLAINED'
            by_category[key] += 1
            examples[key].append((scheme, number, o, theirs))
    print('differential: %d inputs over %d schemes in %.1f s (no 1.18 oracle for: %s)' % (
        total, len(schemes) - len(no_oracle), time.monotonic() - started, ', '.join(no_oracle) or '-'))
    failed = total < 100000
    for category, count in sorted(by_category.items()):
        reason = explanations.get(category)
        if reason is None:
            failed = True
        print('\n%-32s %6d  %s' % (category, count, reason or 'NOT EXPLAINED'))
        for scheme, number, o, (valid, result, compact, crash) in examples[category][:args.show if reason else 50]:
            print('    %-10s %-30r onboard valid=%s compact=%r %s | stdnum valid=%s validate=%r compact=%r%s' % (
                scheme, number, o['valid'], o['compact'], o['error']['failure'] if o['error'] else '', valid, result,
                compact, ' raised ' + crash if crash else ''))
    if not by_category:
        print('no disagreements')
    print('\nRESULT: %s' % ('FAIL' if failed else 'PASS'))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
