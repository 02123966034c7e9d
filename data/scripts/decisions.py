#!/usr/bin/env python3
"""Derives the Security Council decision tables of data/ from ../shared/reference.

    python3 data/scripts/decisions.py [REFERENCE_DIR]

writes data/votes.csv, data/vetoes.csv and data/statements.csv (see
data/README.md). Member and sponsor names are kept as the sources write them
("VENEZUELA (BOLIVARIAN REPUBLIC OF)", "USSR"): unkg links them to states
when it builds, with the same directory it links speakers with, so that
speeches and decisions meet on one node per state. This script only repairs
the sources' structure (duplicate rows, zero-padded or missing counts, a name
split in two, entries that name no sponsor) and says on stderr what it
repaired or dropped. Standard library only.
"""

import csv
import re
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent
REFERENCE = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA.parent.parent / "shared" / "reference"

# Entries of the sponsors column that say where a draft came from, not who
# sponsored it: no state to link, so they are not sponsors.
NOT_SPONSORS = {"BY THE SECRETARY-GENERAL", "REPORT OF THE SECRETARY-GENERAL", "COMMITTEE ON THE ADMISSION OF NEW MEMBERS"}

# "CÔTE.;D'IVOIRE": one name the source split at its own separator.
SPLIT_NAMES = {("CÔTE.", "D'IVOIRE"): "CÔTE D'IVOIRE"}

TALLY = re.compile(r"(\d+)-(\d+)-(\d+)")


def warn(message):
    print(f"decisions.py: {message}", file=sys.stderr)


def natural(text):
    """Sort key comparing digit runs as numbers (S/PV.2 before S/PV.10)."""
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text)]


def write(name, header, rows):
    with open(DATA / name, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"data/{name}: {len(rows)} rows", file=sys.stderr)


def names(field):
    """A `;`-separated list of names, with split names joined again."""
    items = [n.strip() for n in field.split(";") if n.strip()]
    out = []
    for item in items:
        if out and (out[-1], item) in SPLIT_NAMES:
            out[-1] = SPLIT_NAMES[(out[-1], item)]
        else:
            out.append(item)
    return out


def count(field):
    """A tally cell: "015" is 15, an empty cell is 0."""
    field = field.strip()
    return int(field) if field else 0


def meeting_record(text):
    """A meeting record as data/meetings.csv writes it: corrigenda and
    annotations dropped, resumptions kept (S/PV.3499 (Resumption 1))."""
    text = text.replace("|", " ")
    text = re.sub(r"\+\s*Corr\.\d+", "", text)
    text = re.sub(r"\(meeting held in [^)]*\)", "", text)
    text = re.sub(r"\(\s*Resumption\s*(\d+)\s*\)", r" (Resumption \1)", text)
    text = re.sub(r"^S/PV(\d)", r"S/PV.\1", text.strip())
    return re.sub(r"\s+", " ", text).strip()


def iso(date, fmt):
    return datetime.strptime(date.strip().replace("Sept.", "Sep.").replace("Sep.", "September"), fmt).date().isoformat()


def votes(meeting_outcomes):
    """One row per resolution: how it was adopted, its tallies, who voted how
    (2000 on), its draft, agenda item and sponsors."""
    index = {r["number"]: r for r in csv.DictReader(open(REFERENCE / "unsc_resolutions_index.csv", encoding="utf-8"))}
    detailed = {}
    for r in csv.DictReader(open(REFERENCE / "unsc_resolutions_2000_2026_votes.csv", encoding="utf-8")):
        old = detailed.get(r["number"])
        filled = sum(bool(v.strip()) for v in r.values())
        if old is not None:
            warn(f"resolution {r['number']} has two rows in the votes table; keeping the fuller one")
            if sum(bool(v.strip()) for v in old.values()) >= filled:
                continue
        detailed[r["number"]] = r
    rows = []
    for number in sorted(set(index) | set(detailed), key=int):
        r = detailed.get(number)
        if r is None:
            outcome = meeting_outcomes.get(number, "").lower()
            tally = TALLY.match(index[number]["vote"]) or TALLY.match(outcome)
            topic = index[number]["topic"].split(" | ")[0].strip()
            if tally:
                rows.append([number, "", topic, "vote", *tally.groups(), "", "", "", "", ""])
            elif outcome.startswith("adopted unanimously"):
                # No count given: the Council's size at the time is no safe
                # guess, members were sometimes absent.
                rows.append([number, "", topic, "unanimous", "", "", "", "", "", "", "", ""])
            elif outcome.startswith(("without vote", "adopted by consensus")):
                rows.append([number, "", topic, "without vote", "", "", "", "", "", "", "", ""])
            continue
        adoption = r["adoption_type"].lower()
        lists = [names(r[f"members_{k}"]) for k in ("in_favour", "against", "abstaining")]
        absent = []
        text_tally = TALLY.search(adoption)
        if "without vote" in adoption or "acclamation" in adoption:
            method, tally, lists = ("without vote" if "without vote" in adoption else "acclamation"), ["", "", ""], [[], [], []]
        else:
            method = "written vote" if "voting by mail" in adoption else "vote"
            if text_tally:
                tally = [int(x) for x in text_tally.groups()]
            else:
                tally = [count(r["in_favour"]), count(r["against"]), count(r["abstaining"])]
                if re.search(r"(?<!non-)unanim", adoption) and lists[0]:
                    tally = [len(lists[0]), 0, 0]
            if "absent" in adoption and len(lists[2]) > tally[2]:
                # "Adopted (14-0-0, 1 absent)": the source lists the absent
                # member among the abstaining.
                absent, lists[2] = lists[2][tally[2]:], lists[2][: tally[2]]
            for i, what in enumerate(("in favour", "against", "abstaining")):
                if len(lists[i]) > tally[i]:
                    warn(f"resolution {number}: {len(lists[i])} members listed {what} for a tally of {tally[i]}; names dropped")
                    lists[i] = []
        sponsors = []
        for s in names(r["sponsors"]):
            if s in NOT_SPONSORS:
                warn(f"resolution {number}: sponsor entry {s!r} names no sponsor; dropped")
            else:
                sponsors.append(s)
        draft = r["draft"].strip()
        rows.append([number, draft, r["agenda_item"].strip(), method, *tally, *("|".join(l) for l in lists), "|".join(absent), "|".join(sponsors)])
    # A draft adopts one resolution: a symbol the source gives two
    # resolutions (copied to the next row) is right for at most one of them,
    # and which one the source does not say.
    shared = [d for d, n in Counter(r[1] for r in rows if r[1]).items() if n > 1]
    for r in rows:
        if r[1] in shared:
            warn(f"resolution {r[0]}: draft {r[1]} is given for two resolutions; dropped")
            r[1] = ""
    header = ["number", "draft", "agenda_item", "adoption", "in_favour", "against", "abstaining",
              "members_in_favour", "members_against", "members_abstaining", "members_absent", "sponsors"]
    write("votes.csv", header, rows)


def meetings():
    """The outcome the meetings table gives each resolution ("9-0-2",
    "adopted unanimously", "without vote"), for years the index lacks a
    tally, and presidential statements with their meeting."""
    outcomes, statements = {}, {}
    for r in csv.DictReader(open(REFERENCE / "unsc_meetings_1946_2022.csv", encoding="utf-8")):
        for segment in r["outcome"].split(" | | "):
            m = re.match(r"S/RES/(\d+) \(\d{4}\) \| (.*)", segment.strip())
            if m:
                outcomes.setdefault(m.group(1), m.group(2).strip())
        record = meeting_record(r["meeting_record"])
        if not record:
            # Videoconferences of 2020-2021: the letter recording them stands for the meeting.
            letter = r["letter_vote_procedure_or_briefings"].strip()
            record = letter if letter.startswith("S/") else ""
        date = iso(r["date"], "%d %B %Y") if r["date"].strip() else ""
        for symbol in re.findall(r"S/PRST/\d{4}/\d+", r["prst"]):
            if symbol in statements:
                warn(f"{symbol} is named by two meetings; keeping {statements[symbol][2]}")
                continue
            statements[symbol] = [symbol, date, record]
    write("statements.csv", ["symbol", "date", "meeting_record"], sorted(statements.values(), key=lambda r: natural(r[0])))
    return outcomes


def clean_draft(text):
    """The first document symbol of a draft cell ("S/3713/Rev.1 (as
    amended)" -> "S/3713/Rev.1"); empty where the source gives only the
    meeting record, as for drafts put orally."""
    m = re.match(r"S/[0-9A-Za-z./]*[0-9]", text.strip())
    symbol = m.group(0) if m else ""
    return "" if symbol.startswith("S/PV.") else symbol


def vetoes():
    """One row per vetoed draft: date, draft, meeting, agenda item, vetoing members."""
    rows = []
    source = list(csv.DictReader(open(REFERENCE / "unsc_vetoes_1946_2022.csv", encoding="utf-8")))
    for line, r in enumerate(source, start=2):
        members = [r[f"member_veto{i}"].strip() for i in (1, 2, 3) if r[f"member_veto{i}"].strip()]
        records = [meeting_record(m) for m in r["meeting_record"].split("\n") if m.strip()]
        rows.append([iso(r["date"], "%m/%d/%Y"), clean_draft(r["draft"]), r["draft"].strip().replace("\n", " "), "|".join(records),
                     r["agenda_item"].strip(), "|".join(members), line])
    rows.sort(key=lambda r: (r[0], r[6]))
    # A key per draft for its IRI: the symbol, or for drafts without one the
    # meeting record and the draft's place among that meeting's vetoes.
    seen = Counter(r[3] for r in rows if not r[1])
    nth, votes_on = Counter(), Counter()
    out = []
    for r in rows:
        if r[1]:
            key = r[1]
        else:
            nth[r[3]] += 1
            key = f"{r[3].split('|')[0]} draft {nth[r[3]]}" if seen[r[3]] > 1 else f"{r[3].split('|')[0]} draft"
        # A draft vetoed twice (on the preliminary question, then on the
        # substance) is two vetoes: the second gets its own key.
        votes_on[key] += 1
        if votes_on[key] > 1:
            warn(f"{key} was vetoed {votes_on[key]} times; the later veto is keyed {key} (vote {votes_on[key]})")
            key = f"{key} (vote {votes_on[key]})"
        out.append([r[0], key, *r[1:6]])
    write("vetoes.csv", ["date", "key", "draft", "draft_as_given", "meeting_record", "agenda_item", "vetoed_by"], out)


def main():
    outcomes = meetings()
    votes(outcomes)
    vetoes()


if __name__ == "__main__":
    main()
