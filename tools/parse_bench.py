"""Page parsing speed of wikipedia_records (whichever bilingual_lm is on PYTHONPATH) on the real excerpts.
Usage: python bench.py OUT.json REPS  -- interleaves num_proc 1 and 2, REPS times; wall and CPU (self + reaped children)."""
import bz2, hashlib, json, os, resource, sys, time
from pathlib import Path
from bilingual_lm.core import shared_data
from bilingual_lm.collect import wikipedia_records
from bilingual_lm.core import WikipediaSource
W = shared_data('wikipedia')
dumps = [W/'bnwiki-20230501-pages-articles-excerpt.xml.bz2', W/'enwiki-pages-articles-shortened.xml.bz2']
mb = sum(len(bz2.decompress(d.read_bytes())) for d in dumps) / 1e6
def cpu():
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime
def run(n):
    h, k = hashlib.sha256(), 0
    l0, t, c = os.getloadavg()[0], time.perf_counter(), cpu()
    for d in dumps:
        for doc in wikipedia_records(WikipediaSource(path=str(d)), num_proc=n):
            h.update(doc.id.encode()); h.update(b'\0'); h.update(doc.text.encode()); h.update(b'\0'); k += 1
    return dict(n=n, wall=time.perf_counter() - t, cpu=cpu() - c, load=l0, docs=k, sha=h.hexdigest())
list(wikipedia_records(WikipediaSource(path=str(dumps[1])), num_proc=2, chunk_bytes=1 << 16))   # warm-up: imports, page cache
out = [run(n) for _ in range(int(sys.argv[2])) for n in (1, 2)]
res = dict(xml_mb=round(mb, 2), runs=out)
for n in (1, 2):
    w = sorted(r['wall'] for r in out if r['n'] == n)
    res[f'mb_per_s_{n}'] = round(mb / w[len(w) // 2], 3)
res['speedup'] = round(res['mb_per_s_2'] / res['mb_per_s_1'], 3)
res['same_docs'] = len({r['sha'] for r in out}) == 1
json.dump(res, open(sys.argv[1], 'w'), indent=1); print(json.dumps(res))
