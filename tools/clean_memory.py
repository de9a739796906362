"""Clean's peak memory and speed on many generated documents built from real sentences.

    python tools/clean_memory.py --docs 1000000 [--workers 2] [--sentences 1,2] [--keep DIR]

Sentences come from the shared data folder (the Brown Corpus and the Bangla literature set; see its README): each
document is 2-6 sentences (`--sentences`) of one language, drawn with a fixed seed, so documents are real text but not real documents.
The script writes them as JSONL, collects them with a `files` source, cleans them, and samples the memory of the clean
stage's whole process tree every 0.2 s: RSS of the main process, its anonymous part (RSS less file-backed pages such as
the memory-mapped Arrow data, which the kernel can drop and re-read), and PSS (proportional set size, which counts pages
shared by forked workers once) of the tree. Prints one JSON line. Needs `shared/data` (see `core.shared_data`).
"""
import argparse, json, os, random, re, sys, tempfile, threading, time
from pathlib import Path

import psutil

from bilingual_lm.core import load_config, shared_data


def sentences(root: Path, limit: int = 200_000) -> tuple[list[str], list[str]]:
    "English sentences (one a line in brown.txt) and Bangla sentences (the literature set's prose, cut at । ! ?)."
    en = [l.strip() for l in (root/'brown'/'brown.txt').read_text(encoding='utf-8').splitlines() if l.strip() and not l.startswith('#')]
    bn = []
    for f in sorted((root/'bn-literature').glob('*.md')):
        body = f.read_text(encoding='utf-8').split('---', 2)[-1]
        bn += [s.strip() for s in re.split(r'(?<=[।!?])\s+', body) if len(s.split()) >= 4 and not s.startswith('#')]
    return [s for s in en if len(s.split()) >= 4][:limit], bn[:limit]


def write_docs(path: Path, n: int, en: list[str], bn: list[str], seed: int = 0, sentences: tuple[int, int] = (2, 6)) -> int:
    "Write `n` documents of `sentences` (least, most) sentences each to JSONL `path`; return the bytes of text written."
    rng, nbytes = random.Random(seed), 0
    with open(path, 'w', encoding='utf-8') as f:
        for i in range(n):
            pool = bn if i % 2 else en
            text = ' '.join(rng.choice(pool) for _ in range(rng.randint(*sentences)))
            nbytes += len(text.encode('utf-8'))
            f.write(json.dumps(dict(text=text), ensure_ascii=False) + '\n')
    return nbytes


class Sampler(threading.Thread):
    "Peak RSS and anonymous RSS of this process, and peak PSS of its process tree, sampled every `every` seconds."
    def __init__(self, every: float = 0.2):
        super().__init__(daemon=True)
        self.every, self.stop, self.rss, self.anon, self.pss = every, threading.Event(), 0, 0, 0
        self.me = psutil.Process()

    def run(self):
        while not self.stop.is_set():
            try:
                procs = [self.me] + self.me.children(recursive=True)
                m = self.me.memory_info()
                self.rss, self.anon = max(self.rss, m.rss), max(self.anon, m.rss - m.shared)   # shared: file-backed pages (the memory-mapped Arrow data)
                self.pss = max(self.pss, sum(p.memory_full_info().pss for p in procs if p.is_running()))
            except (psutil.Error, OSError): pass
            self.stop.wait(self.every)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--docs', type=int, default=1_000_000)
    ap.add_argument('--workers', type=int, default=1)
    ap.add_argument('--sentences', default='2,6', help='least,most sentences a document (default 2,6)')
    ap.add_argument('--keep', type=Path, default=None, help='work in this folder and keep it (default: a temporary one)')
    a = ap.parse_args()
    root = shared_data()
    if root is None: sys.exit('clean_memory: no shared data folder (set BILINGUAL_LM_SHARED_DATA)')
    work = a.keep or Path(tempfile.mkdtemp(prefix='clean-memory-'))
    work.mkdir(parents=True, exist_ok=True)
    docs = work/'docs.jsonl'
    en, bn = sentences(root)
    nbytes = write_docs(docs, a.docs, en, bn, sentences=tuple(map(int, a.sentences.split(',')))) if not docs.exists() else sum(len(json.loads(l)['text'].encode()) for l in open(docs))
    cfg = load_config(overrides=[f'data_dir={work/"data"}', 'collect.snapshot=gen', f'clean.num_proc={a.workers}',
                                 f'collect.sources=[{{kind: files, path: {docs}, format: jsonl, name: generated}}]'])
    from bilingual_lm.collect import collect
    from bilingual_lm.clean import clean
    collect(cfg)
    s = Sampler(); s.start()
    t0, c0 = time.perf_counter(), time.process_time()
    r = clean(cfg, force=True)
    wall = time.perf_counter() - t0
    s.stop.set(); s.join()
    print(json.dumps(dict(documents=a.docs, text_mb=round(nbytes / 1e6, 1), workers=a.workers, kept=r['kept'],
                          clean_wall_s=round(wall, 1), main_cpu_s=round(time.process_time() - c0, 1),
                          mb_per_s=round(nbytes / 1e6 / wall, 2), peak_rss_main_mb=round(s.rss / 2**20), peak_anon_main_mb=round(s.anon / 2**20),
                          peak_pss_tree_mb=round(s.pss / 2**20))))


if __name__ == '__main__': main()
