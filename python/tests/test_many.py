"""clean_many: parallel, in input order, a Failure in place of a bad item, extra fields kept, Ctrl-C stops it."""

import signal
import subprocess
import sys
import textwrap
import time

import pytest

import rinse


def page(i, words=20):
    return (
        f"<html><head><title>Page {i}</title></head><body><article>"
        + f"<p>Paragraph of page {i}. " + "Words to make the paragraph long enough. " * words + "</p>"
        + "</article></body></html>"
    )


def test_results_come_in_input_order_and_equal_clean():
    # Large and small pages mixed, so that later items finish first.
    pages = [page(i, words=2000 if i % 7 == 0 else 10) for i in range(200)]
    results = list(rinse.clean_many(pages, jobs=2))
    assert [r.metadata.title for r in results] == [f"Page {i}" for i in range(200)]
    for got, html in zip(results[:20], pages):
        assert got.to_markdown() == rinse.clean(html).to_markdown()


def test_any_number_of_jobs_gives_the_same_results():
    pages = [page(i) for i in range(50)]
    one = [d.to_markdown() for d in rinse.clean_many(pages, jobs=1)]
    two = [d.to_markdown() for d in rinse.clean_many(pages, jobs=2)]
    assert one == two


def test_bad_items_yield_failures_in_place():
    items = [
        page(0),
        None,
        5,
        b"",
        {"html": page(4), "id": 4, "lang": "en"},
        {"id": 5},
        {"html": 6, "id": 6},
        {"html": page(7), "markdown": "x", "id": 7},
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20,
        {"markdown": "# Notes\n\nSome text.\n", "url": "https://example.com/n", "source": "n.md", "id": 9},
        "<p>" + "text " * 100 + "</p>",
    ]
    results = list(rinse.clean_many(items))
    assert len(results) == len(items)
    kinds = [type(r).__name__ for r in results]
    assert kinds == [
        "Document", "Failure", "Failure", "Failure", "Document", "Failure", "Failure", "Failure", "Failure",
        "Document", "Document",
    ]
    assert [r.index for r in results if isinstance(r, rinse.Failure)] == [1, 2, 3, 5, 6, 7, 8]
    assert "not NoneType" in results[1].message
    assert results[3].message == "empty input"
    assert results[5].message == "the item has none of `content`, `html` and `markdown`"
    assert results[5].extra == {"id": 5}
    assert results[5].to_dict() == {"source": None, "error": results[5].message, "id": 5}
    assert results[6].message == "`html` must be str or bytes, not int"
    assert results[7].message == "the item has both `html` and `markdown`"
    assert "binary data" in results[8].message
    assert isinstance(results[8].error, rinse.RinseError)
    assert results[4].extra == {"id": 4, "lang": "en"}
    d = results[4].to_dict()
    assert d["id"] == 4 and d["lang"] == "en" and d["metadata"]["title"] == "Page 4"
    assert results[9].metadata.url == "https://example.com/n"
    assert results[9].metadata.source == "n.md"
    assert results[9].metadata.title == "Notes"


def test_items_are_read_as_the_window_moves():
    pulled = 0

    def items():
        nonlocal pulled
        for i in range(100_000):
            pulled += 1
            yield page(i, words=1)

    it = rinse.clean_many(items(), jobs=2)
    first = next(it)
    assert first.metadata.title == "Page 0"
    assert pulled <= 64
    del it


def test_an_error_of_the_input_iterator_is_raised():
    def items():
        yield page(0)
        raise ValueError("the source broke")

    it = rinse.clean_many(items())
    with pytest.raises(ValueError, match="the source broke"):
        list(it)
    assert list(it) == []


def test_not_iterable_is_a_type_error():
    with pytest.raises(TypeError):
        rinse.clean_many(5)


def test_ctrl_c_stops_clean_many():
    script = textwrap.dedent(
        """
        import signal, sys, rinse
        # A shell that starts a job in the background (`.ci/run &`) starts it with SIGINT ignored, and Python then
        # installs no handler of its own: install it, as an interactive run has it.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        body = "<p>" + "A long paragraph of a heavy page. " * 40 + "</p>"
        page = "<html><body><article>" + body * 3000 + "</article></body></html>"
        def items():
            while True:
                yield page
        for i, doc in enumerate(rinse.clean_many(items(), jobs=2)):
            if i == 0:
                print("started", flush=True)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert child.stdout.readline().strip() == b"started"
        time.sleep(0.5)
        sent = time.monotonic()
        child.send_signal(signal.SIGINT)
        child.wait(timeout=30)
        waited = time.monotonic() - sent
    finally:
        child.kill()
    stderr = child.stderr.read().decode()
    assert "KeyboardInterrupt" in stderr
    assert child.returncode != 0
    assert waited < 10, f"stopped {waited:.1f} s after Ctrl-C"
