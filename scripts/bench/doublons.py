#!/usr/bin/env python3
"""Makes the second file of the merging benchmark from a generated one (portal CSV format).

  doublons.py BASE.csv NEW.csv OUT.csv

OUT holds, under the source « synthetique-b », one duplicate of every other place of BASE — moved by up to 50 m in a
random direction, its name varied (case, accents, a word added, « n° » written « no ») — with the id « dup-<id in
BASE> », which is the truth the benchmark measures against, and as many places of NEW (generated with another seed:
places that exist nowhere else) with the id « new-<id> »."""
import csv
import math
import random
import sys
import unicodedata

base, new, out = sys.argv[1:4]
rng = random.Random(2026)


def sans_accents(s):
    return ''.join(c for c in unicodedata.normalize('NFD', s) if unicodedata.category(c) != 'Mn')


VARIANTES = [
    lambda n: n.upper(),
    lambda n: sans_accents(n),
    lambda n: 'Espace ' + n,
    lambda n: n.replace('n°', 'no'),
    lambda n: n + ' (antenne)',
    lambda n: sans_accents(n).lower(),
]


def deplacer(lon, lat):
    d = rng.uniform(0, 50)
    a = rng.uniform(0, 2 * math.pi)
    dlat = d * math.cos(a) / 111_320
    dlon = d * math.sin(a) / (111_320 * math.cos(math.radians(lat)))
    return round(lon + dlon, 6), round(lat + dlat, 6)


with open(base, encoding='utf-8', newline='') as f:
    lignes = list(csv.DictReader(f))
with open(new, encoding='utf-8', newline='') as f:
    nouvelles = list(csv.DictReader(f))
champs = list(lignes[0].keys())
n = len(lignes) // 2
with open(out, 'w', encoding='utf-8', newline='') as f:
    w = csv.DictWriter(f, fieldnames=champs)
    w.writeheader()
    for row in lignes[::2][:n]:
        r = dict(row)
        r['id'] = ''
        r['source'] = 'synthetique-b'
        r['source_id'] = 'dup-' + row['source_id']
        r['nom'] = rng.choice(VARIANTES)(row['nom'])
        if row['longitude']:
            r['longitude'], r['latitude'] = deplacer(float(row['longitude']), float(row['latitude']))
        w.writerow(r)
    for row in nouvelles[:len(lignes) - n]:
        r = dict(row)
        r['id'] = ''
        r['source'] = 'synthetique-b'
        r['source_id'] = 'new-' + row['source_id']
        w.writerow(r)
