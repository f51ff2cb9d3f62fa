"""JupyterLab for researchers: the repository root, the project's kernel only, no autosave.

``make lab`` runs ``dvk lab``. Three choices, each against a problem seen in practice:

* **The repository root** (not ``notebooks/``), so ``reports/``, ``data/`` and ``docs/`` are
  reachable from the file browser.
* **Only the ``dvk-analysis`` kernel.** ipykernel registers a plain ``python3`` kernel beside
  it; a notebook started on that one runs without the project's settings, so it is hidden.
* **Committed notebooks are not autosaved.** A parameter changed to try another province
  would otherwise be written over the committed notebook a few seconds later (nbval then fails
  and git shows a diff of thousands of lines). Autosave is off for every document;
  ``dvk lab-copy`` makes a working copy under ``work/`` (ignored by git) to experiment in,
  where saving with Ctrl-S is harmless.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

KERNEL = "dvk-analysis"
WORK_FOLDER = "work"
SETTINGS = {"@jupyterlab/docmanager-extension:plugin": {"autosave": False}}
"""JupyterLab settings overrides: no autosave."""


def lab_arguments(root: Path, settings_dir: Path) -> list[str]:
    """Command-line options of ``jupyter lab`` for the project (see the module docstring)."""
    return [
        f"--ServerApp.root_dir={root}",
        "--KernelSpecManager.ensure_native_kernel=False",
        f"--KernelSpecManager.allowed_kernelspecs={KERNEL}",
        f"--MappingKernelManager.default_kernel_name={KERNEL}",
        f"--LabApp.user_settings_dir={settings_dir}",
    ]


def write_settings(settings_dir: Path) -> Path:
    """Write the autosave-off setting where JupyterLab reads user settings; return the file."""
    target = settings_dir / "@jupyterlab" / "docmanager-extension" / "plugin.jupyterlab-settings"
    target.parent.mkdir(parents=True, exist_ok=True)
    current = {}
    if target.is_file():
        try:
            current = json.loads(target.read_text(encoding="utf-8"))
        except ValueError:
            current = {}
    current.update(SETTINGS["@jupyterlab/docmanager-extension:plugin"])
    target.write_text(json.dumps(current, indent=2) + "\n", encoding="utf-8")
    return target


def lab_command(root: Path, extra: list[str] | None = None) -> list[str]:
    """The full ``jupyter lab`` command (settings written under ``.venv/lab-settings``)."""
    import sys

    settings = root / ".venv" / "lab-settings"
    write_settings(settings)
    command = [sys.executable, "-m", "jupyter", "lab", *lab_arguments(root, settings)]
    if hasattr(os, "getuid") and os.getuid() == 0:
        command.append("--allow-root")
    return command + list(extra or [])


def lab_copy(notebook: Path, root: Path, name: str | None = None) -> Path:
    """Copy a committed notebook to ``work/`` (outputs kept) for experimenting; return it.

    Raises
    ------
    FileExistsError
        When the copy exists already (a researcher's work is never overwritten).
    """
    target = root / WORK_FOLDER / f"{name or notebook.stem}.ipynb"
    if target.exists():
        raise FileExistsError(f"{target} exists already; open it, or pass --name NEW_NAME")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(notebook, target)
    return target
