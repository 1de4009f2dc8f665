"""No memory growth over 100,000 calls."""

import gc
import os

import rinse

PAGE = (
    "<html><head><title>A page</title><meta name=author content='Ann Lee'></head><body><nav><a href=/>Home</a></nav>"
    "<article><p>A paragraph with <a href='#'>a placeholder</a> and enough words to be an article.</p></article>"
    "</body></html>"
)


def rss_kib():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def use(doc):
    return len(doc.markdown) + len(doc.text) + len(doc.to_markdown()) + len(doc.edits) + len(doc.metadata.authors)


def test_no_memory_growth_over_100000_calls():
    for _ in range(5_000):
        use(rinse.clean(PAGE))
    gc.collect()
    before = rss_kib()
    for i in range(95_000):
        use(rinse.clean(PAGE))
        if i % 10_000 == 0:
            try:
                rinse.clean(b"")
            except rinse.RinseError:
                pass
    gc.collect()
    grown = rss_kib() - before
    assert grown < 8 * 1024, f"RSS grew by {grown} KiB over 95,000 calls"


def test_no_memory_growth_in_clean_many():
    for _ in range(2):
        list(rinse.clean_many([PAGE] * 2_000, jobs=2))
    gc.collect()
    before = rss_kib()
    for _ in range(10):
        for doc in rinse.clean_many([PAGE, None, {"html": PAGE, "id": 1}] * 1_000, jobs=2):
            if isinstance(doc, rinse.Document):
                use(doc)
    gc.collect()
    grown = rss_kib() - before
    assert grown < 8 * 1024, f"RSS grew by {grown} KiB over 30,000 items"
