#!/usr/bin/env python3
"""Derive the historical columns and tables of data/ (issue #10).

Run from data/scripts/ (or anywhere: paths are relative to this file):

    pip install pycountry
    python3 history.py            # rewrite the tables
    python3 history.py --check    # only check, write nothing

Inputs (all in this folder unless said otherwise):
  history_dates.csv      hand-written: alpha3,start,end,un_admission,un_end,
                         predecessors,successors for every row of states.csv
  new_states.csv         hand-written: the six former Member States (names,
                         aliases, adjectives, Wikidata ids)
  alias_changes.csv      hand-written: forms removed from / added to the
                         aliases or adjectives of existing state rows (colony names that move to territories,
                         Viet-Nam and Yemen forms that join VNM and YEM)
  territories_input.csv  hand-written: kind, aliases, Wikidata id (and label, where it is not the state's name) of the
                         territory each post-1945 state was before its start
  council_elected_hand.csv  hand-written: Security Council elected
                         members whose terms began 1946-1990 or in 2024
                         (alpha3, first year, last year)
  ga_sessions_input.csv  hand-written: General Assembly sessions and their
                         opening dates
  historic_places.csv    hand-written: places.csv rows for colonial entities
                         that span several of today's states (Ruanda-Urundi,
                         French West Africa...), and aliases added to existing
                         places.csv rows (key, label, kind, state, aliases,
                         wikidata)
  ../../shared/reference/unsc_membership_1992_2023.csv  (terms from 1992)
  pycountry (ISO 3166-1 and ISO 3166-3)

Outputs (in data/):
  states.csv             existing columns and rows kept, six former states
                         added, columns start,end,un_admission,un_end,
                         predecessors,successors appended
  territories.csv        alpha3,key,label,kind,until,aliases,wikidata
  council_membership.csv alpha3,start_year,end_year,seat (1946 on)
  ga_sessions.csv        session,year,opening_date,kind
  places.csv             the rows of historic_places.csv inserted (or their
                         aliases merged into the existing row), nothing else
                         changed

The script is idempotent: it reads states.csv as it is, drops the columns and
rows it adds itself, and builds them again.
"""
import csv
import io
import os
import re
import sys
import unicodedata

import pycountry

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(DATA), '..', 'shared', 'reference')
if not os.path.isdir(SHARED):
    SHARED = '/work/shared/reference'

BASE_COLS = ['alpha3', 'alpha2', 'm49', 'name', 'official_name', 'wikidata',
             'aliases', 'adjectives']
DATE_COLS = ['start', 'end', 'un_admission', 'un_end', 'predecessors',
             'successors']
UN_FOUNDED = '1945-10-24'
# States whose names, before they began, name the state they continue.
CONTINUATORS = {'RUS'}

KINDS = {'colony', 'trust-territory', 'protectorate',
         'non-self-governing-territory', 'occupied-territory',
         'constituent-republic', 'province', 'other'}
# Former numeric codes: ISO 3166-3 gives 891 for YUG (its code after 1992);
# the row stands for the SFRY, whose code was 890.
FORMER_M49 = {'SUN': '810', 'YUG': '890', 'CSK': '200', 'DDR': '278',
              'YMD': '720', 'SCG': '891'}
DATE_RE = re.compile(r'^\d{4}-\d{2}-\d{2}$')

errors = []


def err(msg):
    errors.append(msg)


def read(path):
    with open(path, encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f))


def write(path, cols, rows):
    out = io.StringIO()
    w = csv.writer(out, lineterminator='\n')
    w.writerow(cols)
    for r in rows:
        w.writerow([r.get(c, '') for c in cols])
    return path, out.getvalue()


def split(v):
    return [x for x in v.split('|') if x] if v else []


def slug(s):
    s = unicodedata.normalize('NFKD', s).encode('ascii', 'ignore').decode()
    return re.sub(r'[^a-z0-9]+', '-', s.lower()).strip('-')


def norm_form(f):
    """Key under which two forms count as the same surface form."""
    return f if f.isupper() else f.casefold()


# ---------------------------------------------------------------- states
def build_states():
    rows = read(os.path.join(DATA, 'states.csv'))
    new = read(os.path.join(HERE, 'new_states.csv'))
    new_codes = {r['alpha3'] for r in new}
    rows = [{c: r[c] for c in BASE_COLS} for r in rows
            if r['alpha3'] not in new_codes]

    by = {r['alpha3']: r for r in rows}
    for ch in read(os.path.join(HERE, 'alias_changes.csv')):
        r = by[ch['alpha3']]
        col = ch['column']
        forms = split(r[col])
        for f in split(ch['forms']):
            if ch['change'] == 'remove':
                forms = [x for x in forms if x != f]
            elif f not in forms:
                forms.append(f)
        r[col] = '|'.join(forms)

    for n in new:
        h = pycountry.historic_countries.get(alpha_3=n['alpha3'])
        if h is None:
            err(f"{n['alpha3']}: not in ISO 3166-3 (pycountry)")
            continue
        r = {'alpha3': n['alpha3'], 'alpha2': h.alpha_2,
             'm49': FORMER_M49[n['alpha3']]}
        for c in ('name', 'official_name', 'wikidata', 'aliases',
                  'adjectives'):
            r[c] = n[c]
        rows.append(r)

    dates = {d['alpha3']: d for d in read(os.path.join(HERE,
                                                       'history_dates.csv'))}
    codes = {r['alpha3'] for r in rows}
    if set(dates) != codes:
        err(f'history_dates.csv vs states: missing {sorted(codes - set(dates))}'
            f', extra {sorted(set(dates) - codes)}')
    for r in rows:
        d = dates.get(r['alpha3'], {})
        for c in DATE_COLS:
            r[c] = d.get(c, '')
    check_states(rows)
    rows.sort(key=lambda r: r['alpha3'])
    return rows


def check_states(rows):
    by = {r['alpha3']: r for r in rows}
    for r in rows:
        a = r['alpha3']
        for c in ('start', 'end', 'un_admission', 'un_end'):
            if r[c] and not DATE_RE.match(r[c]):
                err(f'{a}: bad {c} {r[c]!r}')
        if r['start'] and r['start'] <= UN_FOUNDED:
            err(f'{a}: start {r["start"]} not after {UN_FOUNDED}')
        if r['end'] and r['start'] and r['end'] <= r['start']:
            err(f'{a}: end before start')
        if r['un_admission']:
            if r['start'] and r['un_admission'] < r['start']:
                err(f'{a}: admitted before it began')
            if r['end'] and r['un_admission'] >= r['end']:
                err(f'{a}: admitted after it ended')
        elif a not in ('PSE', 'VAT', 'XKX'):
            err(f'{a}: no un_admission')
        if r['un_end'] and not r['end']:
            err(f'{a}: un_end without end')
        for p in split(r['predecessors']):
            if p not in by:
                err(f'{a}: unknown predecessor {p}')
            elif a not in split(by[p]['successors']):
                err(f'{a}: predecessor {p} does not list it as successor')
        for s in split(r['successors']):
            if s not in by:
                err(f'{a}: unknown successor {s}')
            elif a not in split(by[s]['predecessors']):
                err(f'{a}: successor {s} does not list it as predecessor')


# ---------------------------------------------------------------- places
PLACE_COLS = ['key', 'label', 'kind', 'state', 'aliases', 'wikidata']


def natural_key(s):
    return [(0, int(p), '') if p.isdigit() else (1, 0, p)
            for p in re.findall(r'\d+|\D+', s)]


def build_places():
    places = read(os.path.join(DATA, 'places.csv'))
    by = {p['key']: p for p in places}
    for h in read(os.path.join(HERE, 'historic_places.csv')):
        if h['key'] != slug(h['label']):
            err(f"historic place {h['key']}: key is not the label's slug")
        if h['key'] in by:
            p = by[h['key']]
            forms = split(p['aliases'])
            forms += [f for f in split(h['aliases']) if f not in forms]
            p['aliases'] = '|'.join(forms)
            continue
        row = {c: h[c] for c in PLACE_COLS}
        # insert before the first key that sorts after it, keeping the
        # order of the existing rows as it is
        i = next((i for i, p in enumerate(places)
                  if natural_key(p['key']) > natural_key(row['key'])),
                 len(places))
        places.insert(i, row)
        by[row['key']] = row
    return places


# ----------------------------------------------------------- territories
def build_territories(states, place_keys):
    inp = {t['alpha3']: t for t in read(os.path.join(HERE,
                                                     'territories_input.csv'))}
    out = []
    for s in states:
        if not s['start']:
            continue
        t = inp.get(s['alpha3'])
        # A state that continues another (Russia the Soviet Union from the
        # day it ended) was that state before: its name needs no territory.
        continues = any(p['end'] == s['start'] for p in states
                        if p['alpha3'] in s['predecessors'].split('|'))
        if t is None and s['alpha3'] in CONTINUATORS and continues:
            continue
        if t is None:
            err(f"{s['alpha3']}: starts {s['start']} but has no territory")
            continue
        if t['kind'] not in KINDS:
            err(f"{s['alpha3']}: bad territory kind {t['kind']}")
        # The territory's name where it differs from the state's
        # (Palestine, not the State of Palestine, before 1988).
        label = t.get('label') or s['name']
        key = slug(label)
        if key in place_keys:
            key += '-territory'
        out.append({'alpha3': s['alpha3'], 'key': key, 'label': label,
                    'kind': t['kind'], 'until': s['start'],
                    'aliases': t['aliases'], 'wikidata': t['wikidata']})
    extra = set(inp) - {r['alpha3'] for r in out}
    if extra:
        err(f'territories_input.csv rows without a post-1945 state: '
            f'{sorted(extra)}')
    keys = [r['key'] for r in out]
    if len(set(keys)) != len(keys):
        err('duplicate territory keys')
    return out


# -------------------------------------------------------- form clash check
def check_forms(states, territories, places, orgs, persons):
    seen = {}

    def add(form, owner):
        if not form:
            return
        k = norm_form(form)
        if k in seen and seen[k] != owner:
            err(f'form {form!r} in {seen[k]} and {owner}')
        seen.setdefault(k, owner)

    for r in states:
        for f in split(r['aliases']) + split(r['adjectives']):
            add(f, 'states:' + r['alpha3'])
    for r in territories:
        # the label is the state's name on purpose; only aliases must be own
        for f in split(r['aliases']):
            add(f, 'territories:' + r['key'])
    for r in places:
        for f in [r['label']] + split(r['aliases']):
            add(f, 'places:' + r['key'])
    for r in orgs:
        for f in split(r['aliases']):
            add(f, 'organisations:' + r['key'])
    for r in persons:
        for f in [r['label'], r['family_name']] + split(r['aliases']):
            add(f, 'persons:' + r['key'])


# ----------------------------------------------------- council membership
def norm_name(s):
    s = unicodedata.normalize('NFKD', s).encode('ascii', 'ignore').decode()
    s = s.lower().replace('&', 'and')
    s = re.sub(r'\bthe\b', ' ', s)
    return re.sub(r'[^a-z0-9]+', ' ', s).strip()


def name_index(states):
    idx = {}
    for r in states:
        for f in [r['name'], r['official_name']] + split(r['aliases']):
            idx.setdefault(norm_name(f), r['alpha3'])
    return idx


def build_council(states):
    idx = name_index(states)
    extra = {'venezuela bolivarian republic of': 'VEN',
             'cote d ivoire': 'CIV', 'cape verde': 'CPV'}
    rows = []

    def code(name):
        n = norm_name(name)
        c = idx.get(n) or extra.get(n)
        if not c:
            err(f'council: cannot map {name!r}')
        return c

    path = os.path.join(HERE, 'council_elected_hand.csv')
    if os.path.exists(path):
        for r in read(path):
            rows.append({'alpha3': r['alpha3'],
                         'start_year': r['start_year'],
                         'end_year': r['end_year'], 'seat': 'elected'})
    with open(os.path.join(SHARED, 'unsc_membership_1992_2023.csv'),
              encoding='utf-8') as f:
        lines = [l for l in f if not l.startswith('#')]
    # Known error in the reference: the 1991-1992 term it gives to Cote
    # d'Ivoire (a member 1990-1991) was India's.
    fixes = {("Cote D'ivoire", '1991'): 'IND'}
    for r in csv.DictReader(lines):
        c = fixes.get((r['country_org'], r['start_year'])) \
            or code(r['country_org'])
        if r['seat'] == 'permanent':
            continue
        rows.append({'alpha3': c, 'start_year': r['start_year'],
                     'end_year': r['end_year'], 'seat': r['seat']})
    # Permanent members: one row each; the Soviet seat passes to the
    # Russian Federation on 1991-12-26 (its first full year is 1992).
    # Permanent rows cover the period of the corpus, 1946-2024; elected
    # terms keep their real end year (the 2024-2025 terms end in 2025).
    last = 2024
    for a, s, e in [('CHN', 1946, last), ('FRA', 1946, last),
                    ('GBR', 1946, last), ('USA', 1946, last),
                    ('SUN', 1946, 1991), ('RUS', 1992, last)]:
        rows.append({'alpha3': a, 'start_year': str(s), 'end_year': str(e),
                     'seat': 'permanent'})
    # A term split across the Soviet/Russian or a rename is not expected
    # among elected members; check 10 (6 before 1966) elected seats a year.
    for y in range(1946, last + 1):
        n = sum(1 for r in rows if r['seat'] == 'elected'
                and int(r['start_year']) <= y <= int(r['end_year']))
        want = 6 if y < 1966 else 10
        if n != want:
            err(f'council: {n} elected members in {y}, expected {want}')
    held = set()
    for r in rows:
        for y in range(int(r['start_year']), int(r['end_year']) + 1):
            if (r['alpha3'], y) in held:
                err(f"council: {r['alpha3']} holds two seats in {y}")
            held.add((r['alpha3'], y))
    seen = set()
    for r in rows:
        k = (r['alpha3'], r['start_year'])
        if k in seen:
            err(f'council: duplicate term {k}')
        seen.add(k)
    rows.sort(key=lambda r: (r['alpha3'], int(r['start_year'])))
    return rows


# ------------------------------------------------------------ GA sessions
def session_key(s):
    m = re.match(r'^(ES-|S-)?(\d+)$', s)
    # natural order: numbers first, then ES-n, then S-n
    kind = {'': 0, 'ES-': 1, 'S-': 2}[m.group(1) or '']
    return (kind, int(m.group(2)))


def build_ga_sessions():
    path = os.path.join(HERE, 'ga_sessions_input.csv')
    if not os.path.exists(path):
        return None
    rows = read(path)
    for r in rows:
        if not DATE_RE.match(r['opening_date']):
            err(f"ga: bad date {r['opening_date']!r}")
        if r['year'] != r['opening_date'][:4]:
            err(f"ga: session {r['session']} year differs from its date")
        if r['kind'] not in ('regular', 'special', 'emergency-special'):
            err(f"ga: bad kind {r['kind']!r}")
    rows.sort(key=lambda r: session_key(r['session']))
    return rows


# --------------------------------------------------------------- main
def main():
    check_only = '--check' in sys.argv
    places = build_places()
    orgs = read(os.path.join(DATA, 'organisations.csv'))
    persons = read(os.path.join(DATA, 'persons.csv'))
    states = build_states()
    territories = build_territories(states, {p['key'] for p in places})
    check_forms(states, territories, places, orgs, persons)
    council = build_council(states)
    ga = build_ga_sessions()

    outs = [write(os.path.join(DATA, 'states.csv'), BASE_COLS + DATE_COLS,
                  states),
            write(os.path.join(DATA, 'territories.csv'),
                  ['alpha3', 'key', 'label', 'kind', 'until', 'aliases',
                   'wikidata'], territories),
            write(os.path.join(DATA, 'council_membership.csv'),
                  ['alpha3', 'start_year', 'end_year', 'seat'], council)]
    outs.append(write(os.path.join(DATA, 'places.csv'), PLACE_COLS, places))
    if ga is not None:
        outs.append(write(os.path.join(DATA, 'ga_sessions.csv'),
                          ['session', 'year', 'opening_date', 'kind'], ga))
    if errors:
        for e in errors:
            print('error:', e, file=sys.stderr)
        sys.exit(1)
    for path, text in outs:
        print(f'{os.path.relpath(path, DATA)}: {text.count(chr(10)) - 1} rows')
        if not check_only:
            with open(path, 'w', encoding='utf-8', newline='') as f:
                f.write(text)


if __name__ == '__main__':
    main()
