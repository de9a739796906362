"""datatrove vs Ray Data on clean's per-document step (`clean.clean_batch`), the same documents, 1 and 2 workers.

    python tools/engine_bench.py datatrove|ray RAW_SNAPSHOT      (e.g. data/raw/real, a collect of the real excerpts)

The documents: every Wikipedia document of the raw snapshot and every tenth of the others, shuffled (seed 0), so
each batch of 1,000 holds a share of the long articles. Ray Data is not a dependency: install it into a scratch
folder, put that folder on PYTHONPATH, and remove from it the packages the project's environment already has
(numpy, pyarrow, ...), so those stay the environment's; Ray's processes import jsonschema, whose optional
`rfc3987_syntax` costs 4 s a process here and makes the raylet time out waiting for its agent (ray issue 65983),
so hide it in that folder (a `rfc3987_syntax.py` that raises ImportError).

Prints one JSON line: start-up seconds (wall), and per worker count: wall seconds, CPU seconds of the whole
process tree (driver + workers + the engine's own daemons), peak PSS of the tree (pages shared by forked workers
counted once), documents/s on wall; the 1 -> 2 speed-up is the ratio of the two wall times, in the same process.
"""
import json, os, sys, tempfile, threading, time
from pathlib import Path
import psutil, pyarrow as pa, pyarrow.parquet as pq

class Sampler(threading.Thread):
    "Peak PSS of this process tree and the last CPU seconds seen per process, every `every` s."
    def __init__(self, every=0.1):
        super().__init__(daemon=True); self.every, self.stop, self.pss, self.cpu = every, threading.Event(), 0, {}
        self.me = psutil.Process()
    def sample(self):
        try:
            procs = [self.me] + self.me.children(recursive=True); pss = 0
            for p in procs:
                try:
                    with p.oneshot():
                        t = p.cpu_times(); self.cpu[p.pid] = t.user + t.system; pss += p.memory_full_info().pss
                except psutil.Error: pass
            self.pss = max(self.pss, pss)
        except psutil.Error: pass
    def run(self):
        while not self.stop.is_set(): self.sample(); self.stop.wait(self.every)
    def cpu_total(self): self.sample(); return sum(self.cpu.values())

engine, snapshot = sys.argv[1], Path(sys.argv[2])
docs = Path(tempfile.mkdtemp(prefix='engine-docs-'))/'docs.parquet'
t = pa.concat_tables([pq.read_table(f) for f in sorted((snapshot/'documents').glob('*.parquet'))])
import numpy as np
src = t.column('source').to_pylist()
t = t.take([i for i, x in enumerate(src) if x in ('bnwiki', 'enwiki', 'entables') or i % 10 == 0])
pq.write_table(t.take(np.random.default_rng(0).permutation(len(t))), docs)
n = pq.read_metadata(docs).num_rows
s = Sampler(); s.start()
from bilingual_lm.core import load_config, CleanConfig
from bilingual_lm.clean import clean_batch, _warm_up, map_pipeline, CLEAN_COLUMNS
res = dict(engine=engine, documents=n, text_mb=round(sum(len(t.encode()) for t in pq.read_table(docs, columns=['text']).column('text').to_pylist()) / 1e6, 2))
work = Path(tempfile.mkdtemp(prefix='engines-'))
if engine == 'datatrove':
    from bilingual_lm.dedup import run_local
    t0 = time.perf_counter(); run_local([lambda data, rank=0, world_size=1: None], work/'startup', tasks=2, workers=2)
    res['startup_s'] = round(time.perf_counter() - t0, 2)        # a pool of 2 and the manager, started and closed
    t0 = time.perf_counter(); _warm_up(CleanConfig()); res['tables_s'] = round(time.perf_counter() - t0, 2)   # once, shared by forked workers
    for w in (1, 2):
        cfg = load_config(data_dir=work/'data', models_dir=work/'models', overrides=[f'clean.num_proc={w}'])
        c0, t0 = s.cpu_total(), time.perf_counter()
        ds = map_pipeline([docs], cfg, work/f'w{w}', docs.parent)
        wall = time.perf_counter() - t0; cpu = s.cpu_total() - c0
        assert len(ds) == n
        res[f'w{w}'] = dict(wall_s=round(wall, 2), cpu_s=round(cpu, 2), docs_per_s=round(n / wall), peak_pss_mb=round(s.pss / 2**20))
else:
    # Ray Data from a scratch folder on PYTHONPATH (its copies of packages the venv has removed, so those stay the venv's)
    import ray
    t0 = time.perf_counter()
    ray.init(num_cpus=2, include_dashboard=False, object_store_memory=300 * 2**20, logging_level='ERROR', log_to_driver=False)
    import ray.data
    ray.data.DataContext.get_current().enable_progress_bars = False
    res['startup_s'] = round(time.perf_counter() - t0, 2)
    schema = pa.schema(list(pq.read_schema(docs).remove_metadata()) + [pa.field(k, t) for k, t in CLEAN_COLUMNS])
    cdict = CleanConfig().model_dump(mode='json')
    def fn(tbl: pa.Table) -> pa.Table:
        out = clean_batch(tbl.to_pydict(), cdict)
        return pa.Table.from_pydict({k: out[k] for k in schema.names}, schema=schema)
    for w in (1, 2):
        c0, t0 = s.cpu_total(), time.perf_counter()
        out = ray.data.read_parquet(str(docs), override_num_blocks=4).map_batches(fn, batch_size=1000, batch_format='pyarrow', concurrency=w).materialize()
        cnt = out.count()
        wall = time.perf_counter() - t0; cpu = s.cpu_total() - c0
        assert cnt == n
        res[f'w{w}'] = dict(wall_s=round(wall, 2), cpu_s=round(cpu, 2), docs_per_s=round(n / wall), peak_pss_mb=round(s.pss / 2**20))
        del out
    ray.shutdown()
res['speedup_1_to_2'] = round(res['w1']['wall_s'] / res['w2']['wall_s'], 2)
res['cpu_ratio_2_over_1'] = round(res['w2']['cpu_s'] / res['w1']['cpu_s'], 2)
s.stop.set()
print(json.dumps(res))
