"""The province batch runner: warm-kernel isolation, incremental runs, failures, safety.

Kernel starts are the expensive part (1-3 s each), so one warm kernel is shared by the module
and most batches reuse it; a few tests start their own (process pool, Dask, cold reference).
"""

from __future__ import annotations

import csv
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import numpy as np
import pytest
from rich.console import Console

from dvk_analysis.run import batch as batch_mod
from dvk_analysis.run import changes, executors, outputs, parameters
from dvk_analysis.run.batch import BatchLockedError, run_batch, run_one, write_index
from dvk_analysis.run.htmlreport import remote_references
from dvk_analysis.run.kernels import WarmKernel, choose_kernel_name
from dvk_analysis.run.outputs import OutputNotWritableError
from dvk_analysis.run.parameters import (
    ParameterError,
    UnknownNotebookError,
    notebook_parameters,
    parse_cli_parameters,
    resolve_notebook,
)

FIXTURES = Path(__file__).parent / "fixtures" / "notebooks"
TOY = FIXTURES / "toy_profile.ipynb"
COMPARED = ("trend.svg", "trend.png", "state.csv", "key_figures.csv")
TOY_PROVINCES = {"a": "A", "b": "B", "fail": "Fail", "x": "<script>alert(1)</script>"}


def toy_resolver(name: str) -> str:
    """Accept the toy provinces (case-insensitive), else fail like places.resolve_province."""
    try:
        return TOY_PROVINCES[name.lower()]
    except KeyError:
        raise LookupError(f"unknown province {name!r}; closest: A") from None


def toy_slugify(name: str) -> str:
    return {v: k for k, v in TOY_PROVINCES.items()}[name]


def state(folder: Path) -> dict[str, str]:
    with open(folder / "state.csv", encoding="utf-8", newline="") as handle:
        return dict(csv.reader(handle))


@pytest.fixture(autouse=True)
def stable_code_hash(monkeypatch):
    """Pin the library-code hash: other people editing the package must not flip the reasons."""
    monkeypatch.setattr(changes, "code_hash", lambda: "code-v1")


@pytest.fixture(scope="session")
def kernel():
    warm = WarmKernel("python3", preload=("numpy", "matplotlib.pyplot")).start()
    yield warm
    warm.shutdown()


@pytest.fixture(scope="session")
def cold_a(tmp_path_factory) -> Path:
    """Reference: province A run by plain papermill in a fresh kernel."""
    out = tmp_path_factory.mktemp("cold_a")
    result = run_one(TOY, {"province": "A"}, out, cold=True, resolver=toy_resolver)
    assert result.status == "ok", result.error
    return out


@pytest.fixture
def batch(kernel, tmp_path):
    """run_batch on the toy notebook with the shared warm kernel and toy provinces."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "observations.csv").write_text("province,value\nA,1\n", encoding="utf-8")

    def run(provinces, **kwargs):
        kwargs.setdefault("output_root", tmp_path / "reports")
        kwargs.setdefault("resolver", toy_resolver)
        kwargs.setdefault("slugify", toy_slugify)
        kwargs.setdefault("progress", False)
        kwargs.setdefault("data_dir", data)
        if not kwargs.get("cold") and kwargs.get("jobs", 1) == 1 and "executor" not in kwargs:
            kwargs.setdefault("warm_kernel", kernel)
        return run_batch(TOY, provinces, **kwargs)

    run.root = tmp_path / "reports"
    run.data = data
    return run


@pytest.mark.slow
def test_warm_runs_are_isolated_and_match_cold_papermill(kernel, cold_a, tmp_path):
    outs = [tmp_path / f"run{i}" for i in range(3)]
    for province, out in zip(["A", "B", "A"], outs, strict=True):
        out.mkdir()
        kernel.execute(
            TOY, out / "nb.ipynb", {"province": province, "output_dir": str(out)}, FIXTURES
        )
    # B really changed global state (rcParams, environment, cwd, a global, the seed) ...
    assert state(outs[1])["linewidth"] == "7.0" and state(outs[1])["env_leak"] == "1"
    # ... and A before and after B is byte-identical to a cold papermill run of A.
    for name in COMPARED:
        reference = (cold_a / name).read_bytes()
        assert (outs[0] / name).read_bytes() == reference, name
        assert (outs[2] / name).read_bytes() == reference, name
    # The seed B set does not leak into A's unseeded draws.
    leaked = np.random.RandomState(12345).randint(0, 2**31 - 1)
    assert int((outs[2] / "draw.txt").read_text()) != leaked
    # The executed notebook is an ordinary papermill output, numbered like a cold run.
    warm_nb = nbformat.read(outs[2] / "nb.ipynb", as_version=4)
    cold_nb = nbformat.read(cold_a / "toy_profile.ipynb", as_version=4)
    assert "injected-parameters" in warm_nb.cells[2].metadata.tags
    assert warm_nb.metadata.papermill.parameters["province"] == "A"
    counts = [c.get("execution_count") for c in warm_nb.cells]
    assert counts == [c.get("execution_count") for c in cold_nb.cells]


def test_batch_writes_reports_pages_and_index(batch):
    result = batch(["a", "B"])
    assert result.exit_code == 0
    assert [r.status for r in result.results] == ["ok", "ok"]
    for slug in ("a", "b"):
        folder = batch.root / "provinces" / slug
        assert {"trend.svg", "trend.png", "state.csv", "toy_profile.ipynb"} <= {
            p.name for p in folder.iterdir()
        }
        page = (folder / "toy_profile.html").read_text(encoding="utf-8")
        assert remote_references(page) == []
        assert "plt.rcParams" not in page  # no code cells
        assert "final level" in page  # outputs are kept
    index = (batch.root / "index.html").read_text(encoding="utf-8")
    assert 'href="provinces/a/toy_profile.html"' in index
    assert "Final level" in index
    assert not list((batch.root / "provinces").glob(".tmp-*"))


@pytest.mark.slow
def test_rerun_skips_unchanged_and_says_why_it_reruns(batch, monkeypatch):
    assert batch(["A"]).results[0].reason == "no previous run"
    again = batch(["A"])
    assert (again.results[0].status, again.results[0].reason) == ("skipped", "unchanged")
    (batch.data / "observations.csv").write_text("province,value\nA,2\n", encoding="utf-8")
    assert batch(["A"]).results[0].reason == "data changed"
    assert batch(["A"], parameters={"geography": "2025"}).results[0].reason == (
        "parameters changed"
    )
    monkeypatch.setattr(changes, "code_hash", lambda: "different")
    assert batch(["A"], parameters={"geography": "2025"}).results[0].reason == "code changed"
    forced = batch(["A"], parameters={"geography": "2025"}, force=True)
    assert (forced.results[0].status, forced.results[0].reason) == ("ok", "forced")


@pytest.mark.slow
def test_notebook_change_triggers_rerun(batch, tmp_path):
    copy = tmp_path / "nb" / "toy_profile.ipynb"
    copy.parent.mkdir()
    shutil.copy(TOY, copy)
    common = {
        "output_root": batch.root,
        "resolver": toy_resolver,
        "slugify": toy_slugify,
        "progress": False,
        "data_dir": batch.data,
        "cold": True,
    }
    run_batch(copy, ["A"], **common)
    nb = nbformat.read(copy, as_version=4)
    nb.cells[0].source += "\nEdited."
    nbformat.write(nb, copy)
    assert run_batch(copy, ["A"], **common).results[0].reason == "notebook changed"


@pytest.mark.slow
def test_failure_is_isolated_and_keeps_previous_report(batch):
    batch(["A"])
    before = (batch.root / "provinces" / "a" / "state.csv").read_bytes()
    result = batch(["Fail", "A", "B"], parameters={"note": "fail"}, force=True)
    assert result.exit_code == 1
    assert {r.status for r in result.results} == {"failed"}
    assert "latest run failed" in (batch.root / "index.html").read_text(encoding="utf-8")
    batch_ok = batch(["Fail", "B"])
    statuses = {r.slug: r.status for r in batch_ok.results}
    assert statuses == {"fail": "failed", "b": "ok"}
    failed = {r.slug: r for r in batch_ok.results}["fail"]
    assert failed.execution_count == 5 and failed.error.startswith("ValueError: toy failure")
    assert (batch.root / "failed" / "fail.ipynb").is_file()
    assert not (batch.root / "provinces" / "fail").exists()
    # The summary names province, cell, error type and message on one line, and the kept notebook.
    console = Console(record=True, width=400)
    batch_ok.print_summary(console)
    printed = console.export_text().splitlines()
    row = next(line for line in printed if "fail" in line.lower() and "cell 5" in line)
    assert "cell 5: ValueError: toy failure" in row and "failed" in row
    assert printed[-1].strip() == str(batch.root / "failed" / "fail.ipynb")
    assert any(line.startswith("1 ok, 1 failed, 0 skipped in ") for line in printed)
    # A's failed re-run left its previous good report untouched, and kept the notebook.
    assert (batch.root / "provinces" / "a" / "state.csv").read_bytes() == before
    assert (batch.root / "failed" / "a.ipynb").is_file()
    assert batch(["Fail"]).results[0].reason == "previous run failed"


def test_ctrl_c_keeps_finished_reports_and_removes_temporary_folders(batch, monkeypatch):
    original = executors._execute

    def interrupt_on_b(spec, out_nb, parameters, kernel):
        if spec.province == "B":
            assert out_nb.parent.name.startswith(".tmp-")
            raise KeyboardInterrupt
        return original(spec, out_nb, parameters, kernel)

    monkeypatch.setattr(executors, "_execute", interrupt_on_b)
    result = batch(["A", "B"])
    assert result.exit_code == 130 and result.interrupted
    assert "interrupted" in result.message
    assert (batch.root / "provinces" / "a" / "trend.svg").is_file()
    leftovers = [p.name for p in (batch.root / "provinces").iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_partial_swap_is_repaired(tmp_path):
    provinces = tmp_path / "provinces"
    (provinces / ".old-12345678-a").mkdir(parents=True)
    (provinces / ".tmp-87654321-b").mkdir()
    outputs.clean_partial_outputs(provinces)
    assert sorted(p.name for p in provinces.iterdir()) == ["a"]


def hold_lock(path: Path, seconds: float) -> subprocess.Popen:
    """Hold the batch lock from another process (as a concurrent ``dvk batch`` would)."""
    code = (
        "import sys, time; from filelock import FileLock; "
        "lock = FileLock(sys.argv[1]); lock.acquire(); print('held', flush=True); "
        "time.sleep(float(sys.argv[2]))"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(path), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_second_batch_on_same_output_is_refused_or_waits(batch):
    batch.root.mkdir(parents=True)
    holder = hold_lock(batch.root / batch_mod.LOCK_FILE, 30)
    try:
        with pytest.raises(BatchLockedError, match="--wait"):
            batch(["A"])
    finally:
        holder.kill()
        holder.wait()
    holder = hold_lock(batch.root / batch_mod.LOCK_FILE, 1)
    start = time.perf_counter()
    assert batch(["A"], wait=True).exit_code == 0
    assert time.perf_counter() - start >= 0.5
    holder.wait()


def test_bad_input_fails_before_any_kernel_starts(batch, monkeypatch, tmp_path):
    def no_kernel(*args, **kwargs):
        raise AssertionError("a kernel was started")

    monkeypatch.setattr(WarmKernel, "start", no_kernel)
    monkeypatch.setattr(executors, "_execute", no_kernel)
    with pytest.raises(UnknownNotebookError, match="toy_profile") as info:
        resolve_notebook("toy_profil", FIXTURES)
    assert str(info.value).startswith("unknown notebook 'toy_profil' (did you mean 'toy_profile'?)")
    with pytest.raises(LookupError, match="closest: A"):
        batch(["A", "Atlantis"], warm_kernel=None)
    with pytest.raises(ParameterError, match="expects str"):
        batch(["A"], parameters={"note": 42}, warm_kernel=None)
    with pytest.raises(ParameterError, match="no parameter 'colour'"):
        batch(["A"], parameters={"colour": "red"}, warm_kernel=None)
    with pytest.raises(ParameterError, match="set by the batch runner"):
        batch(["A"], parameters={"output_dir": "/tmp"}, warm_kernel=None)
    with pytest.raises(ParameterError, match="province"):
        run_one(TOY, {"province": 42}, tmp_path / "one", resolver=toy_resolver)
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(OutputNotWritableError, match="cannot write reports"):
        batch(["A"], output_root=blocker / "reports", warm_kernel=None)


def test_cli_parameter_strings_are_typed_like_the_defaults():
    assert parse_cli_parameters(TOY, {"top_n": "7", "geography": "2025"}) == {
        "top_n": 7,
        "geography": "2025",
    }
    with pytest.raises(ParameterError, match="'top_n'.*expects int"):
        parse_cli_parameters(TOY, {"top_n": "many"})


def test_parameter_values_are_data_not_code(batch, tmp_path):
    marker = tmp_path / "PWNED"
    evil = f"\"'; import os; os.system('touch {marker}'); '\"\n<img src=x onerror=alert(1)>"
    result = batch(["A"], parameters={"note": evil})
    assert result.exit_code == 0
    assert not marker.exists()
    assert (batch.root / "provinces" / "a" / "note.txt").read_text(encoding="utf-8") == evil
    index = (batch.root / "index.html").read_text(encoding="utf-8")
    assert "<img src=x" not in index and "&lt;img src=x" in index


def test_index_escapes_province_names(tmp_path):
    result = executors.RunResult("<script>alert(1)</script>", "x", "failed", error="<b>boom</b>")
    page = write_index(tmp_path, [result]).read_text(encoding="utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "&lt;b&gt;boom" in page


def test_remote_reference_check_catches_cdn_tags():
    page = '<script src="https://cdn.example/require.js"></script><link href="//x/y.css">'
    assert len(remote_references(page)) == 2
    assert remote_references('<script src="local.js"></script>') == []


def test_kernel_is_the_notebooks_when_installed_else_python3():
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "no-such-kernel-dvk", "display_name": "x"}
    assert choose_kernel_name(nb) == "python3"
    nb.metadata["kernelspec"]["name"] = "dvk-analysis"  # installed by `make` into .venv
    assert choose_kernel_name(nb) == "dvk-analysis"
    assert choose_kernel_name(nb, "python3") == "python3"


@pytest.mark.slow
def test_process_pool_jobs(batch):
    result = batch(["A", "B"], jobs=2)
    assert [r.status for r in result.results] == ["ok", "ok"]
    assert state(batch.root / "provinces" / "a")["linewidth"] == "1.5"


@pytest.mark.slow
def test_dask_local_cluster(batch):
    import distributed

    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        result = batch(["A", "B"], executor="dask", scheduler=cluster.scheduler_address)
    assert [r.status for r in result.results] == ["ok", "ok"]
    assert state(batch.root / "provinces" / "b")["runs_seen"] == "1"
    assert state(batch.root / "provinces" / "a")["facecolor"] == "white"


@pytest.mark.slow
def test_a_dask_worker_writing_to_its_own_disk_is_a_failure(tmp_path, monkeypatch):
    """docs/batch.md: workers need the output folder on a shared file system. A worker that
    wrote its report where this machine cannot see it must not count as ok."""
    import distributed

    elsewhere = tmp_path / "worker-disk" / "provinces" / "a"  # never created here

    def task(spec, preload):
        return executors.RunResult(spec.province, spec.slug, "ok", report_dir=str(elsewhere))

    monkeypatch.setattr(executors, "_dask_task", task)
    spec = executors.RunSpec(
        "A", "a", "nb.ipynb", {}, str(tmp_path / "out"), "k", False, {}, "", str(tmp_path)
    )
    with distributed.Client(processes=False, dashboard_address=None) as client:
        [result] = executors._iter_dask([spec], client, ())
    assert result.status == "failed"
    assert str(elsewhere) in result.error and "shared file system" in result.error
    shown = executors.RunResult("B", "b", "ok", report_dir=str(tmp_path))
    assert executors.on_shared_storage(shown).status == "ok"


def test_default_resolver_uses_places_and_geography(batch):
    result = batch(["ha tinh"], resolver=None, slugify=None)
    assert result.exit_code == 0
    assert state(batch.root / "provinces" / "ha-tinh")["province"] == "Hà Tĩnh"
    assert parameters.default_resolver("2025")("Ha Giang") == "Tuyên Quang"
    with pytest.raises(LookupError, match="closest: .*Hà Tĩnh"):
        batch(["Ha Tinhh"], resolver=None, slugify=None, warm_kernel=None)
    assert len(batch_mod._all_provinces({"geography": "2025"})) == 34
    assert "Hà Tĩnh" in batch_mod._all_provinces({})


def test_content_hash_follows_files_not_caches(tmp_path):
    (tmp_path / "pkg" / "__pycache__").mkdir(parents=True)
    (tmp_path / "pkg" / "mod.py").write_text("x = 1\n")
    first = changes.hash_files(tmp_path / "pkg")
    (tmp_path / "pkg" / "__pycache__" / "mod.pyc").write_bytes(b"cache")
    assert changes.hash_files(tmp_path / "pkg") == first
    (tmp_path / "pkg" / "mod.py").write_text("x = 2\n")
    assert changes.hash_files(tmp_path / "pkg") != first
    assert changes.hash_files(tmp_path / "missing") == "missing"


def test_data_hash_ignores_the_data_folders_documentation(tmp_path):
    (tmp_path / "curated").mkdir()
    (tmp_path / "curated" / "observations.csv").write_text("a\n1\n")
    (tmp_path / "curated" / "README.md").write_text("# notes\n")
    first = changes.hash_files(tmp_path, skip=(".md",))
    (tmp_path / "curated" / "README.md").write_text("# notes, edited\n")
    assert changes.hash_files(tmp_path, skip=(".md",)) == first
    (tmp_path / "curated" / "observations.csv").write_text("a\n2\n")
    assert changes.hash_files(tmp_path, skip=(".md",)) != first


@pytest.mark.slow
def test_dead_kernel_fails_one_run_and_is_replaced(batch):
    crashed = batch(["A"], parameters={"note": "crash"})
    assert crashed.results[0].status == "failed"
    assert crashed.results[0].error.startswith("DeadKernelError")
    again = batch(["B"])  # the same warm kernel object, restarted behind the scenes
    assert again.results[0].status == "ok"
    assert state(batch.root / "provinces" / "b")["runs_seen"] == "1"


KILL_SCRIPT = """
import sys
from dvk_analysis.run import batch, changes

changes.code_hash = lambda: "code-v1"  # as the in-test batches pin it
root, data, notebook = sys.argv[1:4]
result = batch.run_batch(
    notebook, ["A", "B"], output_root=root, data_dir=data, progress=False,
    resolver=str.upper, slugify=str.lower,
)
sys.exit(result.exit_code)
"""


def wait_for(condition, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting for the batch"
        time.sleep(0.1)


@pytest.mark.slow
def test_kill_9_leaves_no_partial_report(batch):
    """SIGKILL the whole batch (runner and kernel) while B runs: A stays whole, B leaves no
    visible folder, and the next batch cleans up and completes."""
    provinces = batch.root / "provinces"
    env = dict(os.environ, DVK_TOY_HANG="1")  # B sleeps until killed
    proc = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(batch.root), str(batch.data), str(TOY)],
        env=env,
        start_new_session=True,
    )
    try:
        wait_for(lambda: (provinces / "a" / "toy_profile.html").is_file())
        wait_for(lambda: any((p / "note.txt").exists() for p in provinces.glob(".tmp-*-b")))
        a_files = {p.name: p.read_bytes() for p in (provinces / "a").iterdir()}
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    visible = sorted(p.name for p in provinces.iterdir() if not p.name.startswith("."))
    assert visible == ["a"]  # no half-written b
    assert {p.name: p.read_bytes() for p in (provinces / "a").iterdir()} == a_files
    assert {"trend.svg", "trend.png", "state.csv", "toy_profile.html"} <= set(a_files)

    again = batch(["A", "B"])  # the killed batch's lock died with it
    assert [(r.slug, r.status, r.reason) for r in again.results] == [
        ("a", "skipped", "unchanged"),
        ("b", "ok", "no previous run"),
    ]
    assert sorted(p.name for p in provinces.iterdir()) == ["a", "b"]  # .tmp-* cleaned


@pytest.mark.slow
def test_a_real_ctrl_c_keeps_finished_reports_and_leaves_no_process(batch):
    """SIGINT to the batch's process group (what a terminal's Ctrl-C sends) while B runs."""
    provinces = batch.root / "provinces"
    env = dict(os.environ, DVK_TOY_HANG="1")  # B sleeps until interrupted
    proc = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(batch.root), str(batch.data), str(TOY)],
        env=env, start_new_session=True, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        wait_for(lambda: (provinces / "a" / "toy_profile.html").is_file())
        wait_for(lambda: any((p / "note.txt").exists() for p in provinces.glob(".tmp-*-b")))
        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, proc.stderr.read()[-2000:]
    assert sorted(p.name for p in provinces.iterdir()) == ["a"]  # no .tmp-*, no b
    assert (provinces / "a" / "trend.svg").is_file()
    # the kernels went with it (generous: a loaded 2-core machine shuts kernels down slowly)
    wait_for(lambda: not _group_alive(proc.pid), timeout=60)


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def test_cli_reports_a_held_lock_in_one_line(batch, capsys):
    from dvk_analysis.run.cli import main

    batch.root.mkdir(parents=True)
    holder = hold_lock(batch.root / batch_mod.LOCK_FILE, 30)
    try:
        code = main(["batch", "--provinces", "Hà Tĩnh", "--output", str(batch.root)])
    finally:
        holder.kill()
        holder.wait()
    assert code == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("dvk: error: another batch is already writing to")
    assert "--wait" in err and "\n" not in err


def test_parameters_are_read_from_the_tagged_cell(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("ignored = 1"),
        nbformat.v4.new_code_cell(
            '# a comment\nprovince = "Hà Tĩnh"  # trailing\ntop_n: int = 5\nshare: float = 1\n'
            "names = ['a', 'b']\nstamp = make_stamp()\n",
            metadata={"tags": ["parameters"]},
        ),
    ]
    path = tmp_path / "p.ipynb"
    nbformat.write(nb, path)
    assert notebook_parameters(path) == {
        "province": (str, "Hà Tĩnh"),
        "top_n": (int, 5),
        "share": (float, 1),
        "names": (list, ["a", "b"]),
        "stamp": (None, "make_stamp()"),
    }
    nb.cells[1].source = "province = 'Hà Tĩnh\n"
    nbformat.write(nb, path)
    with pytest.raises(ParameterError, match=r"p.ipynb: the cell tagged 'parameters' is not valid"):
        notebook_parameters(path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(UnknownNotebookError, match="is not a readable notebook"):
        notebook_parameters(path)


def test_dask_without_a_scheduler_fails_before_anything_runs(tmp_path, capsys):
    from dvk_analysis.run.cli import main

    args = ["batch", "--executor", "dask", "--provinces", "Hà Tĩnh", "--output", str(tmp_path)]
    assert main(args) == 1
    assert capsys.readouterr().err == (
        "dvk: error: --executor dask needs --scheduler ADDRESS, e.g. tcp://host:8786\n"
    )
    assert list(tmp_path.iterdir()) == []


# -- issue 15: nothing stale, nothing overwritten ---------------------------------------------
def _statuses(root: Path, results=(), inputs=None) -> dict[str, str]:
    return {r["slug"]: r["status"] for r in changes.index_rows(root, results, inputs)}


def _index_statuses(root: Path) -> dict[str, str]:
    """Status per province as the written index.html shows it (class of the status cell)."""
    import re

    page = (root / "index.html").read_text(encoding="utf-8")
    return dict(
        re.findall(r'<a href="provinces/(\w+)/[^"]*">[^<]*</a></td><td class="(\w+)"', page)
    )


def test_a_report_whose_data_changed_is_stale_never_ok(batch):
    batch(["A", "B"])
    (batch.data / "observations.csv").write_text("province,value\nB,2\n", encoding="utf-8")
    result = batch(["B"])
    assert [(r.slug, r.status) for r in result.results] == [("b", "ok")]
    assert _index_statuses(batch.root) == {"a": "stale", "b": "ok"}
    rows = {r["slug"]: r for r in changes.index_rows(batch.root)}
    assert rows["a"]["updated"].endswith("+00:00") and rows["a"]["report"]


def test_deleted_report_files_are_stale_and_rebuilt(batch):
    batch(["A"])
    (batch.root / "provinces" / "a" / "toy_profile.html").unlink()
    assert _statuses(batch.root) == {"a": "stale"}
    again = batch(["A"])
    assert [(r.status, r.reason) for r in again.results] == [("ok", "report files missing")]
    assert _index_statuses(batch.root) == {"a": "ok"}


def test_a_failed_run_stays_failed_until_a_later_run_succeeds(batch):
    batch(["A", "B"])
    assert batch(["B"], parameters={"note": "fail"}).exit_code == 1
    batch(["A"])  # another province's batch must not show B as ok again
    assert _index_statuses(batch.root) == {"a": "ok", "b": "failed"}
    rerun = batch(["B"])  # same inputs as B's previous good report, but its latest run failed
    assert [(r.status, r.reason) for r in rerun.results] == [("ok", "previous run failed")]
    assert _index_statuses(batch.root) == {"a": "ok", "b": "ok"}
    assert not (batch.root / "failed" / "b.json").exists()


def test_reports_of_provinces_without_data_are_removed(batch):
    batch(["A", "B"])
    result = batch(["A"], prune=True)
    assert sorted(p.name for p in (batch.root / "provinces").iterdir()) == ["a"]
    assert "removed reports of provinces without data: b" in result.message
    assert "provinces/b/" not in (batch.root / "index.html").read_text(encoding="utf-8")


def test_default_parameters_hash_like_explicit_ones(batch):
    """dvk reports passes no geography, dvk batch passes the default: one run, not two."""
    batch(["A"])
    same = batch(["a"], parameters={"geography": "legacy", "top_n": 5})
    assert [(r.status, r.reason) for r in same.results] == [("skipped", "unchanged")]


def test_outputs_inside_data_notebooks_or_inputs_are_refused(batch, tmp_path):
    from dvk_analysis.paths import data_dir, notebooks_dir

    for folder in (data_dir() / "curated" / "x", notebooks_dir(), batch.data / "reports"):
        with pytest.raises(PermissionError, match="refusing to write reports"):
            batch(["A"], output_root=folder)
    assert not (data_dir() / "curated" / "x").exists()


def test_dvk_run_refuses_notebooks_and_data(capsys):
    from dvk_analysis.paths import data_dir, notebooks_dir
    from dvk_analysis.run.cli import main

    before = TOY.read_bytes()
    for args in (
        ["--output-dir", str(notebooks_dir())],
        ["--output-dir", str(FIXTURES)],  # the notebook's own folder: would overwrite it
        ["-p", "output_dir", str(data_dir() / "curated")],
    ):
        assert main(["run", str(TOY), *args]) == 1
        (line,) = capsys.readouterr().err.splitlines()
        assert line.startswith("dvk: error: refusing to write")
    assert TOY.read_bytes() == before


def test_dvk_run_writes_one_folder_per_parameter_set_atomically(tmp_path, monkeypatch):
    monkeypatch.setenv("DVK_PROJECT_ROOT", str(tmp_path))
    runs = {}
    for province in ("A", "B", "a"):
        result = run_one(TOY, {"province": province}, resolver=toy_resolver)
        assert result.status == "ok", result.error
        runs.setdefault(province.upper(), set()).add(result.report_dir)
    assert len(runs["A"]) == 1 and runs["A"] != runs["B"]  # spellings of A share a folder
    (folder_a,) = runs["A"]
    assert Path(folder_a).parent == tmp_path / "reports" / "runs" / "toy_profile"
    assert state(Path(folder_a))["province"] == "A"  # nothing of B mixed in
    assert not list(Path(folder_a).parent.glob(".tmp-*"))


def test_index_write_on_a_full_disk_is_one_line_and_the_summary_prints(batch, monkeypatch):
    import errno

    from dvk_analysis.fileio import OutputError

    def full(path, text):
        raise OutputError(path, OSError(errno.ENOSPC, "No space left on device"))

    monkeypatch.setattr(batch_mod, "atomic_write_text", full)
    result = batch(["A"])
    assert result.exit_code == 1
    assert result.error == f"cannot write {batch.root / 'index.html'}: No space left on device"
    console = Console(record=True, width=300)
    result.print_summary(console)
    text = console.export_text()
    assert "1 ok, 0 failed, 0 skipped" in text and result.error in text


HANG_SCRIPT = KILL_SCRIPT.replace("progress=False,", "progress=False, jobs=2,")


@pytest.mark.slow
def test_kill_9_of_a_two_job_batch_leaves_no_orphan_process(batch):
    """SIGKILL of the batch process alone (not its group): workers and kernels follow it."""
    import psutil

    provinces = batch.root / "provinces"
    env = dict(os.environ, DVK_TOY_HANG="1")  # B hangs until killed
    proc = subprocess.Popen(
        [sys.executable, "-c", HANG_SCRIPT, str(batch.root), str(batch.data), str(TOY)],
        env=env,
    )
    family: list[psutil.Process] = []
    try:
        wait_for(lambda: any((p / "note.txt").exists() for p in provinces.glob(".tmp-*-b")))
        family = psutil.Process(proc.pid).children(recursive=True)
        assert len(family) >= 3  # two workers and at least the hanging run's kernel
        proc.kill()
        proc.wait()
        wait_for(lambda: not _alive(family), timeout=60)
    finally:
        for child in [
            *_alive(family),
            *_alive([psutil.Process(proc.pid)] if proc.poll() is None else []),
        ]:
            child.kill()
    assert proc.returncode == -signal.SIGKILL


def _alive(processes) -> list:
    import psutil

    alive = []
    for p in processes:
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                alive.append(p)
        except psutil.NoSuchProcess:
            pass
    return alive


@pytest.mark.slow
def test_sigterm_is_handled_like_ctrl_c(batch):
    """SIGTERM to the batch process (a CI timeout, `kill`): finished reports kept, partial ones
    removed, exit 130, its kernel shut down."""
    import psutil

    provinces = batch.root / "provinces"
    env = dict(os.environ, DVK_TOY_HANG="1")
    proc = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(batch.root), str(batch.data), str(TOY)],
        env=env, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    family: list = []
    try:
        wait_for(lambda: any((p / "note.txt").exists() for p in provinces.glob(".tmp-*-b")))
        family = psutil.Process(proc.pid).children(recursive=True)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, proc.stderr.read()[-2000:]
    assert sorted(p.name for p in provinces.iterdir()) == ["a"]
    wait_for(lambda: not _alive(family), timeout=60)
