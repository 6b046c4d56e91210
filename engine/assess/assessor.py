"""The library API the CLI sits on: find facts files, pick the pack in force, assess.

Usable on its own::

    from govcheck.engine.assess.assessor import Assessor
    assessment = Assessor().assess("frameworks/exemplar-lep.yaml")
    for result in Assessor().assess_many(paths, jobs=4):  # assessments, or InputErrors, in order
        ...
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from govcheck.engine.assess.evaluate import Context, evaluate
from govcheck.engine.assess.facts_files import find_facts_files
from govcheck.engine.assess.manifest import PackManifest, record_inputs
from govcheck.engine.assess.organisations import OrganisationIds
from govcheck.engine.assess.rule_ids import KnownRuleIds, plan_address_problems
from govcheck.engine.assess.waivers import WaiverSet
from govcheck.engine.calendar import WorkingCalendar
from govcheck.engine.core.errors import InputError
from govcheck.engine.core.results import Assessment
from govcheck.engine.facts.loader import FactsFile, load_facts
from govcheck.engine.packs.editions import pack_specs
from govcheck.engine.packs.loading import PackSpec, RulePack, load_pack, pack_in_force

if TYPE_CHECKING:
    import multiprocessing.context
    from collections.abc import Callable
    from concurrent.futures import Future, ProcessPoolExecutor

T = TypeVar("T")
# What a worker hands back for one file: the file's organisation id and path (the parent checks
# that no two files of the run share an id), and the assessment or what was made of it.
_Done = tuple[str, str, Any]


def bundled_frameworks() -> Path:
    """The example facts files shipped inside the installed package."""
    from importlib.resources import files

    return Path(str(files("govcheck") / "frameworks"))


def facts_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the facts files under folders named, in a stable order (see ``facts_files``)."""
    return find_facts_files(paths).files


# Files a worker process is handed at a time, and batches kept in flight per worker: enough
# to keep every worker busy while the parent writes the report, few enough that finished
# assessments never pile up in memory ahead of the report.
BATCH = 4
AHEAD = 4
# The most worker processes one run starts, however many are asked for: each holds a rule pack
# and a share of the LEPs in memory, and beyond the machine's cores more only take turns.
MAX_JOBS = 128


class Assessor:
    """Assesses facts files, loading each rule pack once however many files use it."""

    def __init__(
        self, pack: str | Path | None = None, as_of: dt.date | None = None, waivers: WaiverSet | None = None
    ) -> None:
        self.pack_name = pack
        self.as_of = as_of
        self.waivers = waivers
        self.calendar = WorkingCalendar()
        self._packs: dict[str, RulePack] = {}
        self._manifests: dict[str, PackManifest] = {}
        self._in_force: dict[dt.date, str] = {}
        self._specs: dict[str, PackSpec] | None = None
        self._known: dict[str, KnownRuleIds] = {}

    def pack_for(self, on: dt.date) -> RulePack:
        if self.pack_name is not None:
            name = str(self.pack_name)
        elif on in self._in_force:
            name = self._in_force[on]
        else:
            if self._specs is None:
                self._specs = pack_specs()  # each LEP has its own date: read the packs' headers once
            name = self._in_force[on] = pack_in_force(on, specs=self._specs)
        if name not in self._packs:
            self._packs[name] = load_pack(name, examples=False)  # assessing never reads a rule's examples
        return self._packs[name]

    def assess_file(self, facts_file: FactsFile, *, outcomes: bool = True) -> Assessment:
        on = self.as_of or facts_file.facts.as_of
        try:
            pack = self.pack_for(on)
        except InputError as error:
            # Name the facts file whose date found no edition, at its as_of where that gave the date.
            line, column = (None, None) if self.as_of else facts_file.source.locate(("as_of",)) or (None, None)
            raise facts_file.source.placed(
                InputError([replace(p, file=facts_file.path, line=line, column=column) for p in error.problems])
            ) from None
        problems = plan_address_problems(facts_file, self._known_ids(pack))
        if problems:
            raise InputError(problems)
        waivers = self.waivers.waivers if self.waivers else ()
        context = Context(on, self.calendar, waivers, outcomes=outcomes)
        manifest = self._manifests.get(pack.folder)
        if manifest is None:
            manifest = self._manifests[pack.folder] = PackManifest.of(pack)
        return record_inputs(evaluate(pack, facts_file, context), pack, self.waivers, manifest)

    def _known_ids(self, pack: RulePack) -> KnownRuleIds:
        known = self._known.get(pack.folder)
        if known is None:
            known = self._known[pack.folder] = KnownRuleIds(pack)
        return known

    def assess(self, path: str | Path) -> Assessment:
        return self.assess_file(load_facts(path))

    def assess_many(self, paths: Iterable[str | Path], jobs: int = 1) -> Iterator[Assessment | InputError]:
        """Each file's assessment, or the InputError that stopped it, in the order the files are given.

        With ``jobs`` above 1 the files are spread over that many worker processes (at most
        one per file, and ``MAX_JOBS``), each of which loads the rule pack once; the results
        are the same, in the same order. The findings carry no outcome tree (the steps
        ``govcheck explain`` shows, which ``assess`` keeps): a report over many LEPs does not
        read it, and leaving it out keeps memory and the traffic between processes small.

        The workers end with the run: if it stops early (an exception, a signal turned into
        one, the caller closing this iterator), they are terminated at once; and on Linux the
        kernel stops them should the parent die without a chance to (SIGKILL). A worker killed
        from outside (by the kernel when memory runs out, say) ends the run with an InputError
        naming the first file not yet handed on.
        A file whose organisation id an earlier file of the run has is an InputError
        (engine/assess/organisations.py).
        """
        return self.assess_many_then(paths, _same, jobs)

    def assess_many_then(
        self, paths: Iterable[str | Path], then: Callable[[Assessment], T], jobs: int = 1
    ) -> Iterator[T | InputError]:
        """As ``assess_many``, handing on ``then(assessment)`` for each file, worked out where it was assessed.

        Under ``--jobs`` ``then`` runs in the worker processes (it must be picklable: a function of
        a module, or a ``functools.partial`` of one), so what it does costs the parent nothing:
        a report's part of each LEP, say, rather than the assessment to write it from.
        """
        files = [str(path) for path in paths]
        ids = OrganisationIds()
        jobs = max(1, min(jobs, MAX_JOBS, len(files)))
        if jobs == 1:
            for path in files:
                yield _claimed(ids, _done(self._assess_or_error(path), then))
            return
        from concurrent.futures import ProcessPoolExecutor  # only here: importing it slows every start
        from concurrent.futures.process import BrokenProcessPool

        size = max(1, min(BATCH, len(files) // (jobs * AHEAD)))
        batches = iter([files[start : start + size] for start in range(0, len(files), size)])
        pool = ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=_start_method(),
            initializer=_start_worker,
            initargs=(self.pack_name, self.as_of, self.waivers, os.getpid(), then),
        )
        finished = False
        try:
            pending: deque[tuple[list[str], Future[list[_Done | InputError]]]] = deque(
                (batch, pool.submit(_assess_batch, batch)) for batch in islice(batches, jobs * AHEAD)
            )
            while pending:
                batch, future = pending[0]
                try:
                    done = future.result()
                    pending.popleft()
                    pending.extend((more, pool.submit(_assess_batch, more)) for more in islice(batches, 1))
                except BrokenProcessPool:
                    raise InputError.single(
                        batch[0],
                        "the run stopped before this file was reported: a worker process was killed "
                        "(perhaps for lack of memory)",
                        hint="run again, with fewer --jobs",
                    ) from None
                for result in done:
                    yield _claimed(ids, result)
            finished = True
        finally:
            if not finished:
                _stop_workers(pool)
            pool.shutdown(cancel_futures=True)

    def _assess_or_error(self, path: str) -> Assessment | InputError:
        try:
            return self.assess_file(load_facts(path), outcomes=False)
        except InputError as error:
            return error


def _same(assessment: Assessment) -> Assessment:
    return assessment


def _done(result: Assessment | InputError, then: Callable[[Assessment], Any]) -> _Done | InputError:
    if isinstance(result, InputError):
        return result
    return (result.organisation_id, result.facts_file, then(result))


def _claimed(ids: OrganisationIds, done: _Done | InputError) -> Any:
    """What was made of a file's assessment, or the error for it when an earlier file claimed its id."""
    if isinstance(done, InputError):
        return done
    organisation_id, facts_file, value = done
    return ids.claim(organisation_id, facts_file) or value


def _start_method() -> multiprocessing.context.BaseContext:
    # Forking starts a worker in milliseconds with govcheck already imported. Elsewhere (macOS,
    # Windows) fork is unsafe or absent, and the platform's own start method is used.
    import multiprocessing

    return multiprocessing.get_context("fork" if sys.platform == "linux" else None)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """End every worker now, whatever it is doing: the run is over, stopped or broken."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14 says this itself
    if terminate is not None:
        terminate()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()


_worker: Assessor | None = None
_then: Callable[[Assessment], Any] = _same


def _start_worker(
    pack: str | Path | None,
    as_of: dt.date | None,
    waivers: WaiverSet | None,
    parent: int | None = None,
    then: Callable[[Assessment], Any] = _same,
) -> None:
    global _worker, _then
    # Ctrl-C reaches every process of the terminal's group: the parent stops the pool, so
    # workers ignore it rather than each printing a traceback. A forked worker inherits the
    # parent's handlers, which turn SIGTERM and SIGHUP into an exception to clean up after;
    # a worker has nothing to clean up, and the pool would catch the exception and carry on.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if parent is not None:
        _die_with(parent)
    _worker = Assessor(pack, as_of, waivers)
    _then = then
    # A forked worker shares the parent's memory until it writes to it, and the collector writes
    # to every object it examines: leave what the worker inherited out of its collections.
    gc.freeze()


def _die_with(parent: int) -> None:
    """On Linux, ask the kernel to send this worker SIGTERM when its parent dies, however it dies."""
    if sys.platform != "linux":
        return
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - a C library without prctl
        return
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _assess_batch(paths: list[str]) -> list[_Done | InputError]:
    assert _worker is not None, "a worker assesses only after _start_worker"
    return [_done(_worker._assess_or_error(path), _then) for path in paths]


__all__ = ["MAX_JOBS", "Assessor", "InputError", "bundled_frameworks", "facts_paths"]
