"""unkg from Python: UN speeches to N-Quads, mentions and acts.

The same pipeline as ``unkg build`` (compiled from the same Rust crate,
with the reference data bundled in it), without a store::

    import unkg

    p = unkg.Pipeline(metadata=["meta_speeches_2020.tsv", "meta_meetings_2020.tsv"])
    nquads = p.extract("speeches/UNSC_2020_SPV.8699_spch004.txt")
    mentions = p.mentions("Mr. Sadykov (Kazakhstan): ...", name="000_x.txt")
    acts = p.acts(open("speech.txt", "rb").read(), name="speech.txt")

    import pandas
    pandas.DataFrame(mentions)

A speech is given as a path (``str`` naming an existing file, or any
``os.PathLike``), as ``bytes``, or as text (a ``str`` that is no file's
path, or any ``str`` when ``name`` is given). ``name`` is the speech's file
name: it tells the corpus layout (``UNSC_2020_SPV.8699_spch004.txt``,
``FIN_78_2023.txt``, or anything else for a plain speech with a header
line), the speech's identifier, and which rows of the metadata tables
describe it; it defaults to the path, or to ``speech.txt`` for text.

Input that is no speech (empty, binary, over ``max_file_size``) raises
:class:`UnkgError`, whose message says ``file:line: what was expected``.

To query a store that ``unkg build`` made, open it read-only with
pyoxigraph (``pip install pyoxigraph``, or ``unkg[store]``; see
:func:`open_store`).
"""

import os

from ._unkg import BUILD_ID, Mapper, UnkgError, plan
from ._unkg import Pipeline as _Pipeline

__all__ = ["BUILD_ID", "Mapper", "Pipeline", "UnkgError", "open_store", "plan"]

#: The default of ``max_file_size``, as ``unkg build --max-file-size``.
MAX_FILE_SIZE = 20 << 20


class Pipeline:
    """The speech pipeline over the bundled reference data.

    ``metadata``: the corpus's metadata tables (``meta_speeches_*.tsv``,
    ``meta_meetings_*.tsv``, ``Speakers_by_session.csv``), as paths or as
    ``(name, bytes)`` pairs, read in order. Building a pipeline takes about
    a second (the reference data and the extractors' automata); make one
    and use it for many speeches.
    """

    def __init__(self, metadata=(), max_file_size=MAX_FILE_SIZE):
        self._core = _Pipeline(list(metadata), max_file_size)

    @property
    def warnings(self):
        """Rows of the metadata tables that could not be read."""
        return self._core.warnings

    def extract(self, source, name=None):
        """The speech's quads as N-Quads text (what ``unkg extract`` writes)."""
        return self._core.extract(*self._source(source, name))

    def mentions(self, source, name=None):
        """The speech's mentions of entities: a list of dicts with ``speech``,
        ``entity`` (IRI), ``type`` (class IRI), ``label``, ``begin``, ``end``
        (character offsets into the text), ``quote``, ``extractor`` and
        ``confidence``, in the order of the text."""
        return self._core.mentions(*self._source(source, name))

    def acts(self, source, name=None):
        """The speech's acts (thanks, condemnations, calls, ...): a dict per act
        and sentence with ``speech``, ``act`` (IRI), ``kind``, ``agent``,
        ``target`` (IRIs or None), ``begin``, ``end`` and ``quote`` (the
        sentence)."""
        return self._core.acts(*self._source(source, name))

    def mapper(self):
        """A :class:`Mapper`: many speeches into one N-Quads output, what they
        share written once (a part file of ``unkg extract``)."""
        return self._core.mapper()

    def _source(self, source, name):
        if isinstance(source, (bytes, bytearray, memoryview)):
            return name or "speech.txt", bytes(source)
        if isinstance(source, os.PathLike) or (isinstance(source, str) and name is None and _is_file(source)):
            path = os.fspath(source)
            return name or path, self._core.read(path)
        if isinstance(source, str):
            return name or "speech.txt", source.encode("utf-8")
        raise TypeError(f"expected a path, bytes or text, found {type(source).__name__}")


def _is_file(text):
    # A speech's text is no path: it has line breaks, or is long.
    return "\n" not in text and len(text) < 4096 and os.path.isfile(text)


def open_store(path):
    """The store that ``unkg build`` (or ``unkg load``) made in ``path``,
    opened read-only with pyoxigraph, for SPARQL from Python with no server.
    Its named graphs hold everything; query their union with
    ``store.query(q, use_default_graph_as_union=True)``. Open it only while no
    ``unkg build`` or ``unkg load`` writes it (pyoxigraph says reading while
    another process writes is undefined); ``unkg query`` and ``unkg serve``
    may read it at the same time."""
    import pyoxigraph

    return pyoxigraph.Store.read_only(os.fspath(path))
