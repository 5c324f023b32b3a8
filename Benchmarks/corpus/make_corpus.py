#!/usr/bin/env python3
"""Deterministic synthetic news corpus for scripts/bench-corpus.sh.

Recombines the sentences, names, outlets and dates of the seed articles into N plain-text
articles (seeded PRNG: the same N gives the same corpus). Each article gets a headline, an
outlet line, a date line and 6-14 body sentences; names are swapped among a pool so that
entities, quotes and stories vary. Writes one JSON string (the article text) per line.
Usage: make_corpus.py SEEDS_DIR N > corpus.ndjson
"""
import json, os, random, re, sys

def sentences(text):
    body = "\n".join(l for l in text.splitlines() if len(l.split()) > 8)
    return [s.strip() for s in re.split(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])", body) if len(s.split()) > 5]

def main():
    seeds_dir, n = sys.argv[1], int(sys.argv[2])
    rng = random.Random(20251123)
    pool = []
    for name in sorted(os.listdir(seeds_dir)):
        pool += sentences(open(os.path.join(seeds_dir, name), encoding="utf-8").read())
    first = ["Anna", "Boris", "Carla", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemal", "Lena",
             "Marco", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Yusuf"]
    last = ["Petrov", "Garcia", "Okafor", "Schmidt", "Haddad", "Tanaka", "Novak", "Silva", "Kowalski", "Rahman",
            "Moreau", "Jensen", "Costa", "Ivanova", "Chen", "Mensah", "Larsen", "Duarte", "Nakamura", "Bauer"]
    outlets = ["Daily Planet", "Morning Ledger", "Evening Post", "Harbor Times", "Capital Wire", "Northern Star",
               "Valley Courier", "Metro Tribune", "Coastal Herald", "Summit Gazette"]
    names = ["Putin", "Trump", "Ushakov", "Vladimir", "Donald", "Yuri"]
    for i in range(n):
        swap = {w: rng.choice(last if w in ("Putin", "Trump", "Ushakov") else first) for w in names}
        body = [rng.choice(pool) for _ in range(rng.randint(6, 14))]
        text = "\n\n".join(body)
        for old, new in swap.items():
            text = text.replace(old, new)
        year, month, day = 2020 + rng.randint(0, 5), rng.randint(1, 12), rng.randint(1, 28)
        headline = " ".join(text.split()[:rng.randint(7, 12)]).strip("“”\",.")
        article = f"{headline} ({i})\n\nSOURCE: {rng.choice(outlets)}\n date {year}-{month:02d}-{day:02d}\n\n{text}\n"
        print(json.dumps(article, ensure_ascii=False))

if __name__ == "__main__":
    main()
