#!/usr/bin/env python3
"""Deterministic synthetic news corpus for scripts/bench-corpus.sh.

A corpus of many distinct events, each reported by several outlets, recombined from the
sentences of the seed articles. Every event gets its own day, its own actors (the seeds'
people and places swapped for names drawn from pools), its own wording (the pool's common
content words swapped for coined ones) and its own subset of sentences (its "wire copy"); each report of it picks most of those sentences, an outlet and a publication
day at most two days after the event. Dates written in the text are moved to the event's
month and days, since story grouping reads the event day from them. Event sizes are skewed
like real coverage: most events have a handful of reports, a few have hundreds (so story
detail is exercised on a big story too). Reports are emitted in publication order, with
events interleaved. A seeded PRNG makes the same N give the same corpus.

Writes one JSON string (the article text) per line.
Usage: make_corpus.py SEEDS_DIR N > corpus.ndjson
"""
import json, os, random, re, sys
from datetime import date, timedelta

FIRST = ["Anna", "Boris", "Carla", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemal", "Lena",
         "Marco", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Yusuf",
         "Amara", "Bruno", "Chiara", "Dmitri", "Esra", "Felix", "Gustavo", "Hana", "Ivo", "Jana", "Kofi", "Leila"]
LAST = ["Petrov", "Garcia", "Okafor", "Schmidt", "Haddad", "Tanaka", "Novak", "Silva", "Kowalski", "Rahman",
        "Moreau", "Jensen", "Costa", "Ivanova", "Chen", "Mensah", "Larsen", "Duarte", "Nakamura", "Bauer",
        "Lindqvist", "Abara", "Varga", "Quispe", "Olsen", "Demir", "Sato", "Ferreira", "Kaplan", "Mwangi"]
# Countries with their adjective and a capital: the seeds' Iran, Israel, Russia, Ukraine,
# Oman and Turkey are swapped for these per event.
COUNTRIES = [("Norland", "Norlandic", "Vessa"), ("Kestria", "Kestrian", "Dolmar"), ("Arvenia", "Arvenian", "Tirsk"),
             ("Belmora", "Belmoran", "Ostra"), ("Caldonia", "Caldonian", "Marrow"), ("Drevia", "Drevian", "Kolt"),
             ("Estovia", "Estovian", "Lunne"), ("Fenmark", "Fenmarkish", "Hallet"), ("Galdor", "Galdoran", "Pirn"),
             ("Halvia", "Halvian", "Serat"), ("Istra", "Istran", "Bovo"), ("Jorvia", "Jorvian", "Taln"),
             ("Korvath", "Korvathi", "Umbra"), ("Lusaria", "Lusarian", "Ferro"), ("Marenia", "Marenian", "Quell"),
             ("Nostra", "Nostran", "Ridge"), ("Orlavia", "Orlavian", "Sunder"), ("Pellucia", "Pellucian", "Vire"),
             ("Quorra", "Quorran", "Emsk"), ("Rovenia", "Rovenian", "Talmar"), ("Sarvia", "Sarvian", "Nisk"),
             ("Tavros", "Tavrosi", "Ymir"), ("Ulvania", "Ulvanian", "Corra"), ("Valdonia", "Valdonian", "Brisk")]
SEED_COUNTRIES = [("Iran", "Iranian", "Tehran"), ("Israel", "Israeli", "Tel Aviv"), ("Russia", "Russian", "Moscow"),
                  ("Ukraine", "Ukrainian", "Kyiv"), ("Oman", "Omani", "Muscat"), ("Turkey", "Turkish", "Ankara")]
SEED_PEOPLE = [("Vladimir", "Putin"), ("Donald", "Trump"), ("Yuri", "Ushakov"), ("Benjamin", "Netanyahu"),
               ("Recep", "Erdogan"), ("Abbas", "Araghchi"), ("Steve", "Witkoff")]
OUTLETS = ["Daily Planet", "Morning Ledger", "Evening Post", "Harbor Times", "Capital Wire", "Northern Star",
           "Valley Courier", "Metro Tribune", "Coastal Herald", "Summit Gazette", "Lakeside Journal", "Prairie News"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DATE_IN_TEXT = re.compile(r"\b(" + "|".join(MONTHS) + r") (\d{1,2})(, \d{4})?\b")
START = date(2020, 1, 1)
SPAN_DAYS = 6 * 365


def sentences(text):
    body = "\n".join(l for l in text.splitlines() if len(l.split()) > 8)
    return [s.strip() for s in re.split(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])", body) if len(s.split()) > 5]


def event_size(rng):
    """Reports per event: mostly 1-12, one in 40 is a big story of up to a few hundred."""
    if rng.random() < 0.025:
        return rng.randint(60, 400)
    return 1 + min(int(rng.expovariate(1 / 4)), 30)


def content_words(pool):
    """The pool's most frequent lower-case content words: what every event would otherwise share."""
    counts = {}
    for sentence in pool:
        for word in re.findall(r"\b[a-z]{4,}\b", sentence):
            counts[word] = counts.get(word, 0) + 1
    keep = {"ceasefire", "said", "that", "with", "from", "have", "this", "were", "will", "which", "their", "been"}
    return [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if w not in keep][:80]


def coined(rng):
    syllables = ["ka", "lo", "mi", "ren", "tor", "sa", "vel", "din", "qua", "bre", "nol", "fi", "gar", "hes", "zu"]
    return "".join(rng.choice(syllables) for _ in range(3))


def make_event(rng, pool, words, surnames, countries_pool):
    day = START + timedelta(days=rng.randrange(SPAN_DAYS))
    people = {}
    for first, last in SEED_PEOPLE:
        people[(first, last)] = (rng.choice(FIRST), rng.choice(surnames))
    countries = dict(zip(SEED_COUNTRIES, rng.sample(countries_pool, len(SEED_COUNTRIES))))
    copy = rng.sample(pool, min(len(pool), rng.randint(12, 18)))
    # Each event words its story its own way: the pool's common content words are swapped for
    # coined ones, so two events on the same days share little but function words (as two
    # real stories do), while reports of one event share the event's wording.
    wording = {w: coined(rng) for w in words}
    return {"day": day, "people": people, "countries": countries, "copy": copy, "wording": wording,
            "headline_words": rng.randint(7, 12)}


def rewrite(text, event, rng):
    for (first, last), (new_first, new_last) in event["people"].items():
        text = text.replace(first + " " + last, new_first + " " + new_last)
        text = text.replace(last, new_last).replace(first, new_first)
    for (name, adjective, capital), (new_name, new_adjective, new_capital) in event["countries"].items():
        text = text.replace(adjective, new_adjective).replace(capital, new_capital).replace(name, new_name)
    text = re.sub(r"\b[a-z]{4,}\b", lambda m: event["wording"].get(m.group(0), m.group(0)), text)
    day = event["day"]

    def moved(match):
        shifted = day + timedelta(days=rng.choice([0, 0, 0, 1, -1]))
        year = f", {shifted.year}" if match.group(3) else ""
        return f"{MONTHS[shifted.month - 1]} {shifted.day}{year}"

    return DATE_IN_TEXT.sub(moved, text)


def main():
    seeds_dir, n = sys.argv[1], int(sys.argv[2])
    rng = random.Random(20251123)
    pool = []
    for name in sorted(os.listdir(seeds_dir)):
        pool += sentences(open(os.path.join(seeds_dir, name), encoding="utf-8").read())
    words = content_words(pool)
    # Pools large enough that events on the same days rarely share their actors and places
    # (names are the heaviest terms of a report), while people and countries still recur
    # across the corpus.
    surnames = LAST + [coined(rng).capitalize() for _ in range(400)]
    countries_pool = COUNTRIES + [(name, name + "n", coined(rng).capitalize())
                                  for name in (coined(rng).capitalize() + "ia" for _ in range(200))]
    reports = []  # (published, order key, text)
    while len(reports) < n:
        event = make_event(rng, pool, words, surnames, countries_pool)
        for _ in range(min(event_size(rng), n - len(reports))):
            picked = [s for s in event["copy"] if rng.random() < 0.7] or event["copy"][:3]
            body = rewrite("\n\n".join(picked), event, rng)
            headline = " ".join(rewrite(event["copy"][0], event, rng).split()[:event["headline_words"]]).strip("“”\",.")
            published = event["day"] + timedelta(days=rng.randint(0, 2))
            text = (f"{headline} ({len(reports)})\n\nSOURCE: {rng.choice(OUTLETS)}\n date {published.isoformat()}\n\n"
                    f"{body}\n")
            reports.append((published, rng.random(), text))
    reports.sort(key=lambda r: (r[0], r[1]))
    for _, _, text in reports:
        print(json.dumps(text, ensure_ascii=False))


if __name__ == "__main__":
    main()
