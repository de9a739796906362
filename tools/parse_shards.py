"""collect of the real excerpts with whichever bilingual_lm is on PYTHONPATH; prints the shard and source sha256s as JSON."""
import json, sys, tempfile
from pathlib import Path
from bilingual_lm.core import shared_data
from bilingual_lm.core import load_config
from bilingual_lm.collect import collect
W = shared_data('wikipedia')
with tempfile.TemporaryDirectory() as d:
    man = collect(load_config(data_dir=Path(d)/'data', collect=dict(snapshot='real', num_proc=int(sys.argv[1]), sources=[
        dict(kind='wikipedia', name='bnwiki', path=str(W/'bnwiki-20230501-pages-articles-excerpt.xml.bz2')),
        dict(kind='wikipedia', name='enwiki', path=str(W/'enwiki-pages-articles-shortened.xml.bz2'))])))
print(json.dumps(dict(shards=[s['sha256'] for s in man['shards']], sources=[(s['name'], s['documents'], s['sha256']) for s in man['sources']],
                      stats=[s['stats'] for s in man['sources']])))
