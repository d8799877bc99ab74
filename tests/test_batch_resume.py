"""Kill a real ``newsevents batch`` run with SIGKILL once its first partition is done, run it again, and
compare with an uninterrupted run: the same documents and the same event ids, none lost, none twice.

Runs the command in subprocesses (one local Dask worker bound to 127.0.0.1, the real French pipeline) on 24
made-up documents in 6 partitions of 4.
"""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from newsevents.batch import load_batch_output

pytestmark = pytest.mark.model

SENTENCES = [
    "Le président français a rencontré mardi à Paris le chancelier allemand pour parler de l'aide à l'Ukraine.",
    "Selon le ministère russe de la Défense, l'armée russe a bombardé plusieurs villages près de Kharkiv.",
    "Le gouvernement malien a expulsé l'ambassadeur de France, a annoncé la télévision publique.",
    "La police a arrêté une vingtaine de manifestants devant le Parlement à Dakar.",
    "Le Premier ministre japonais a promis une aide de 50 millions de dollars au Vietnam.",
    "Washington a condamné jeudi l'essai de missile mené par la Corée du Nord.",
    "Les rebelles ont attaqué un convoi de l'armée nigérienne dans la région de Tillabéri.",
    "La Chine a appelé les États-Unis à cesser leurs ventes d'armes à Taïwan.",
    "Le ministre turc des Affaires étrangères s'est entretenu avec son homologue iranien à Ankara.",
    "L'Union européenne a imposé de nouvelles sanctions contre la Biélorussie.",
    "Des milliers de personnes ont manifesté samedi à Madrid contre le gouvernement espagnol.",
    "Le Brésil et l'Argentine ont signé un accord commercial lundi à Brasilia.",
]


def made_up_documents(n: int = 24) -> list[dict]:
    docs = []
    for i in range(n):
        body = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(6))
        docs.append({"id": f"depeche-{i:02d}", "text": body, "date": f"2023-{1 + i % 3:02d}-{1 + i:02d}",
                     "title": f"Dépêche {i}", "source": "Agence imaginaire"})
    return docs


def batch_command(source: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "newsevents.cli", "batch", str(source), "--output", str(out), "--workers", "1",
            "--partition-size", "4", "--lang", "fr"]


def run_to_end(source: Path, out: Path) -> subprocess.CompletedProcess:
    done = subprocess.run(batch_command(source, out), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def event_ids(out: Path) -> list[str]:
    """Event ids read straight from the Parquet shards (a duplicated shard would show twice)."""
    table = ds.dataset(out / "events", format="parquet", partitioning="hive").to_table(columns=["id"])
    return table.column("id").to_pylist()


def test_killed_run_resumes_without_loss_or_duplicates(tmp_path):
    source = tmp_path / "depeches.jsonl"
    source.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in made_up_documents()) + "\n",
                      encoding="utf-8")
    reference = tmp_path / "reference"
    run_to_end(source, reference)

    resumed = tmp_path / "resumed"
    proc = subprocess.Popen(batch_command(source, resumed), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    markers_at_kill = 0
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and proc.poll() is None:
            done_dir = resumed / "_done"
            markers_at_kill = len([p for p in done_dir.iterdir() if not p.name.startswith(".")]) \
                if done_dir.is_dir() else 0
            if markers_at_kill:
                break
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    assert 1 <= markers_at_kill < 6, f"the run was killed after {markers_at_kill} of 6 partitions"
    manifest = json.loads((resumed / "manifest.json").read_text("utf-8"))
    assert manifest["complete"] is False

    again = run_to_end(source, resumed)
    resumed_count = re.search(r"6 partitions \((\d+) resumed, 0 failed\)", again.stderr)
    assert resumed_count and int(resumed_count.group(1)) >= markers_at_kill, again.stderr[-2000:]
    assert "INFO distributed" not in again.stderr  # Dask's chatter stays out of a default run

    ids = event_ids(resumed)
    assert len(ids) == len(set(ids)), "an event was written twice"
    assert ids, "the made-up documents should give events"
    assert sorted(ids) == sorted(event_ids(reference))
    docs = [r.article.id for r in load_batch_output(resumed)]
    assert docs == [d["id"] for d in made_up_documents()]
    assert [r.events for r in load_batch_output(resumed)] == [r.events for r in load_batch_output(reference)]
    assert json.loads((resumed / "manifest.json").read_text("utf-8"))["complete"] is True
