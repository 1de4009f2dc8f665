"""PDF and gzip: clean_file and clean read them as the command line does, with the same bytes out."""

import gzip

import pytest

import rinse
from conftest import run_cli


def pdf(pages, title="Minutes of the harbour board"):
    """A PDF of Letter pages, each a list of lines drawn top-down in 11 pt Helvetica, 14 pt apart, with an
    information dictionary: written here so that the test needs no PDF tool."""

    def escape(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    objects = []  # bodies of objects 1.., in order

    def add(body):
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    pages_id = len(objects) + 2 * len(pages) + 1
    kids = []
    for lines in pages:
        ops = ["BT", "/F1 11 Tf", "14 TL", "72 740 Td"]
        for line in lines:
            if line:
                ops.append(f"({escape(line)}) Tj")
            ops.append("T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(
            add(b"<< /Type /Page /Parent %d 0 R /Contents %d 0 R >>" % (pages_id, content))
        )
    kid_refs = b" ".join(b"%d 0 R" % k for k in kids)
    assert add(
        b"<< /Type /Pages /Kids [%s] /Count %d /Resources << /Font << /F1 %d 0 R >> >> "
        b"/MediaBox [0 0 612 792] >>" % (kid_refs, len(kids), font)
    ) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    info = add(
        b"<< /Title (%s) /Author (Ada Winter) /CreationDate (D:20240305093000+01'00') >>"
        % escape(title).encode("latin-1")
    )
    out = bytearray(b"%PDF-1.5\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        info,
        xref,
    )
    return bytes(out)


PAGES = [
    [
        "HARBOUR BOARD MINUTES",
        "",
        "The board met on Tuesday to discuss the new quay and the",
        "dredging of the inner basin, which had been postponed twice",
        "because the contractor could not",
        "",
        "- 1 -",
    ],
    [
        "HARBOUR BOARD MINUTES",
        "",
        "deliver the equipment before the end of the season. The",
        "members agreed to extend the deadline until the spring.",
        "",
        "- 2 -",
    ],
]


@pytest.fixture
def minutes(tmp_path):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(pdf(PAGES))
    return path


def test_clean_file_reads_a_pdf_like_the_command(minutes):
    doc = rinse.clean_file(minutes)
    assert doc.metadata.title == "Minutes of the harbour board"
    assert doc.metadata.authors == ["Ada Winter"]
    assert doc.metadata.date.startswith("2024-03-05")
    # The page boundary, running header and page numbers are repaired as for any paged document.
    assert "because the contractor could not deliver the equipment" in doc.markdown
    assert "- 1 -" not in doc.markdown and "HARBOUR BOARD MINUTES" not in doc.markdown
    assert doc.to_markdown() == run_cli(["clean", minutes.name], cwd=minutes.parent).stdout.decode()
    assert doc.text == run_cli(["clean", "--format", "text", str(minutes)]).stdout.decode()


def test_clean_takes_pdf_bytes(minutes):
    raw = minutes.read_bytes()
    doc = rinse.clean(raw, source="-")
    assert doc.to_markdown() == run_cli(["clean", "-"], stdin=raw).stdout.decode()
    assert rinse.clean(raw, input_format="pdf").markdown == doc.markdown


def test_a_broken_pdf_is_the_command_s_error(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(pdf(PAGES)[:200])
    with pytest.raises(rinse.RinseError) as err:
        rinse.clean_file(broken)
    cli = run_cli(["clean", str(broken)], check=False)
    assert cli.returncode == 2
    assert cli.stderr.decode().strip() == f"rinse: {err.value}"


def test_clean_file_reads_gzip_like_the_command(tmp_path):
    page = (
        "<html><head><title>Zipped</title></head><body><article><p>"
        + "A paragraph of a page saved gzipped, long enough to be the article. " * 5
        + "</p></article></body></html>"
    )
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(page.encode()))
    doc = rinse.clean_file(path)
    assert doc.metadata.title == "Zipped"
    assert doc.metadata.source == "page.html.gz"
    assert doc.to_markdown() == run_cli(["clean", path.name], cwd=tmp_path).stdout.decode()
    assert rinse.clean_file(path).markdown == rinse.clean(page).markdown
