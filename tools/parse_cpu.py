"""CPU seconds (this process and its reaped children) of wikipedia_records with num_proc=int(argv[1]) on the real bnwiki + enwiki excerpts."""
import resource, sys, time
from bilingual_lm.core import shared_data
from bilingual_lm.collect import wikipedia_records
from bilingual_lm.core import WikipediaSource
W = str(shared_data('wikipedia')) + '/'
def cpu():
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime
list(wikipedia_records(WikipediaSource(path=W + 'enwiki-table-markup.xml.bz2')))        # imports
c, t = cpu(), time.perf_counter()
n = sum(1 for d in ('bnwiki-20230501-pages-articles-excerpt.xml.bz2', 'enwiki-pages-articles-shortened.xml.bz2')
        for _ in wikipedia_records(WikipediaSource(path=W + d), num_proc=int(sys.argv[1])))
print(f"{n} docs cpu {cpu() - c:.2f} wall {time.perf_counter() - t:.2f}")
