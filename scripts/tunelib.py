"""What scripts/tune-final and scripts/tune-implicit share: calling cflab, reading the
store's run times, and writing experiment files and table cells."""
import datetime, json, os, sqlite3, subprocess, sys

import yaml

cflab = os.environ.get("CFLAB_BIN", ".build-release/release/cflab")


def call(*words):
    command = [cflab, *words]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"error: {' '.join(command)} exited {result.returncode}: {result.stderr.strip()}")
    return result.stdout


def sweep_seconds(store, name):
    """Wall time of a sweep's runs, from the store: first start to last end (so a resumed
    or re-invoked step still reports the time its training took, not the skip)."""
    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as db:
        first, last = db.execute(
            "SELECT min(started_at), max(ended_at) FROM runs r JOIN trial_claims c ON c.run_id = r.id WHERE r.sweep = ?",
            (name,)).fetchone()
    if not first or not last:
        return float("nan")
    parse = lambda text: datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return (parse(last) - parse(first)).total_seconds()


class Steps:
    """Runs experiment files through cflab against one store, keeping each step's time."""

    def __init__(self, store, jobs):
        self.store, self.jobs, self.timings = store, jobs, []

    def run(self, label, name, path):
        words = ["run", path, "--jobs", self.jobs, "--store", self.store]
        call(*words)
        self.timings.append((label, " ".join(["cflab", *words]), sweep_seconds(self.store, name)))

    def compare(self, name, *extra):
        return json.loads(call("compare", "--sweep", name, "--format", "json", "--store", self.store, *extra))

    def ensemble(self, *selection):
        """`cflab ensemble` of a sweep (one name) or of a --where over several sweeps."""
        words = ["--sweep", selection[0]] if len(selection) == 1 else \
            ["--where", " or ".join(f"sweep = '{name}'" for name in selection)]
        return json.loads(call("ensemble", *words, "--format", "json", "--store", self.store))


def write(path, document, written_by):
    with open(path, "w") as handle:
        handle.write(f"# Written by {written_by}.\n")
        yaml.safe_dump(document, handle, sort_keys=False, width=120)
    return path


def mean_sd(cell):
    if isinstance(cell, dict):
        sd = cell.get("std")
        return f"{cell['mean']:.4f}" + (f" ± {sd:.4f}" if sd is not None else "")
    return "-" if cell is None else f"{cell:.4f}"


def ensemble_rmse(scored, part):
    return mean_sd((scored[part] or {}).get("rmse"))
