"""Train the trigger model of :mod:`newsevents.learned` on annotated gold and choose its thresholds.

    python scripts/train_trigger_model.py [--shared DIR] [--lang fr] [--folds 5] [--seed 13]
                                          [--out src/newsevents/data/trigger_model_fr.npz] [--report FILE]
                                          [--cache DIR] [--grid SETTINGS] [--try-keep]

Training data: the *tune* part of ``eval/train/*.jsonl`` in the shared material (``eval/devtest.py`` defines the
split; the devtest part is never read here). Each gold event carries its ``trigger`` word verbatim; the word is
found in the cleaned text (inside the event's ``eventtext`` when it occurs there) and the token that starts there
is labelled with the event's PLOVER type; every other candidate token of the record is "no event".

Steps: parse every record once; record the model's feature rows as the coder computes them (lexicon triggers
included), and for each gold event located at a token, one row per actor named in its sentence, labelled by the
gold source and target country codes (the actor and recipient choices of :mod:`newsevents.learned_roles`), and
for each lexicon trigger a rule drops, one row labelled by whether a gold trigger of its type starts there (the
drop override of :mod:`newsevents.learned_keep`, tried with ``--try-keep``); ``--folds``-fold cross-validation
over records gives out-of-fold models, with which the whole coder is run on each held-out fold to choose the
trigger and role settings (:data:`GRID`): the best sum of F1 (type + dyad + full) among the settings that gain at
least 0.005 F1 at every level against the rules alone and lose at most 0.03 at any level of the dev sets
(``eval/dev``, coded with the final model); the final model is trained on all tune records with those thresholds.
The same seed gives the same model.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
LEVELS = ("type", "dyad", "full")
MARGIN = 0.005
"""The smallest cross-validated F1 gain, at each level, that counts as a gain (a few events of the 1,520)."""
TRIGGER_GRID = ((1.01, 1.01, 0.3, False, False), (1.01, 1.01, 0.3, False, True), (1.01, 1.01, 0.45, False, False),
                (1.01, 0.3, 0.3, False, False), (1.01, 1.01, 1.01, False, False))
"""(veto, propose, rescue, rescue_bare, spare) settings of the trigger model; 1.01 switches a mechanism off."""
ROLE_GRID = ((1.01, "added", False, 1.01, "all"), (0.7, "added", True, 1.01, "all"), (0.7, "added", True, 0.5, "added"),
             (0.8, "added", True, 0.5, "added"), (0.7, "added", False, 1.01, "all"), (0.7, "all", True, 0.5, "all"),
             (0.7, "added", True, 0.7, "all"), (0.7, "added", True, 0.8, "all"))
"""(threshold, scope, require) settings of the actor choice then (threshold, scope) of the recipient choice
(:class:`newsevents.learned_roles.RoleModel`)."""
KEEP_OFF = (1.01, True, False, 1.01, "all")
"""(threshold, actor, with_p) of the learned drop override (:class:`newsevents.learned_keep.KeepModel`), the
threshold of the known-lemma proposals (``TriggerModel.propose_known``), then which drops the override may
overrule (:func:`keep_scope`): all off."""
SHIPPED = (1.01, 1.01, 0.3, False, False, 0.7, "added", True, 0.7, "all")
"""The trigger and role setting of round two (rescue 0.3 without sparing, actor 0.7 required, recipient 0.7 on
every event), which the drop override settings of :data:`KEEP_GRID` extend."""
KEEP_GRID = tuple(SHIPPED + k + ("all",) for k in (
    (0.5, True, False, 1.01), (0.6, True, False, 1.01), (0.7, True, False, 1.01), (0.6, False, False, 1.01),
    (0.5, True, True, 1.01), (0.6, True, True, 1.01), (0.7, True, True, 1.01), (1.01, True, False, 0.4),
    (1.01, True, False, 0.6))) + tuple(SHIPPED + (t, True, False, 1.01, scope) for t in (0.4, 0.5)
                                       for scope in ("suppression", "roles"))
"""The drop override and known-lemma proposal settings of session 5 (``--try-keep``), each added to
:data:`SHIPPED`. Not in :data:`GRID`: their small cross-validated gains did not hold on devtest
(docs/accuracy.md), so a retraining does not switch them on."""
GRID = tuple(t + r + KEEP_OFF for t in TRIGGER_GRID for r in ROLE_GRID
             if min(t[:3]) <= 1.0 or "all" in (r[1] if r[0] <= 1.0 else "", r[4] if r[3] <= 1.0 else ""))
"""Settings tried by cross-validation: a trigger setting and a role setting, the drop override and known-lemma
proposals off (the rules alone, every mechanism off, is the baseline every setting is compared with)."""
OFF = (1.01, 1.01, 1.01, False, True, 1.01, "added", False, 1.01, "all", *KEEP_OFF)
C = 0.5
ROLE_C = 0.5
C_KEEP = [0.5]
"""Inverse regularisation of the drop override (``--keep-c``)."""
DENSE = ("vector",)
"""Dense blocks of the trigger model (:data:`newsevents.learned.DENSE_PARTS`); ``--dense`` changes them. The
tok2vec blocks did not pay in cross-validation (docs/accuracy.md), so the word vector alone is the default."""
WIDTHS: dict[str, int] = {}
"""Width of each dense block as captured (all of :data:`~newsevents.learned.DENSE_PARTS`, in that order)."""


def is_devtest(record_id: str) -> bool:
    """The split of ``eval/devtest.py`` (sha1 of the id ending in 0, 1 or 2)."""
    return hashlib.sha1(record_id.encode("utf-8")).hexdigest()[-1] in "012"


def load_records(shared: Path, part: str) -> list[dict]:
    records = []
    for path in sorted((shared / "eval" / "train").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                if is_devtest(record["id"]) == (part == "devtest"):
                    records.append(record)
    return records


class Corpus:
    """The records parsed once: (article, [(offset, Doc)]) per record, as the pipeline builds them."""

    def __init__(self, pipeline, records, cache: Path | None = None):
        from dataclasses import replace

        from newsevents.cleanup import clean_text
        from newsevents.evaluate import gold_articles
        from newsevents.pipeline import paragraphs

        self.pipeline = pipeline
        self.items = []
        if cache is not None and cache.exists():
            self._load(cache, records)
            return
        for article in gold_articles(records):
            text = clean_text(article.text, pipeline.data.glue_names)
            article = replace(article, text=text, lang=pipeline.lang)
            pieces = paragraphs(text)
            docs = list(zip((s for s, _ in pieces), pipeline.nlp.pipe(t for _, t in pieces)))
            self.items.append((article, docs))
        if cache is not None:
            self._save(cache)

    def _save(self, path: Path) -> None:
        """Keep the parses (spaCy DocBin) and their offsets, to try settings without parsing again."""
        from spacy.tokens import DocBin

        bin_ = DocBin(store_user_data=False)
        index = []
        for article, docs in self.items:
            for offset, doc in docs:
                bin_.add(doc)
                index.append((article.id, offset))
        path.mkdir(parents=True, exist_ok=True)
        bin_.to_disk(path / "docs.spacy")
        docs = [doc for _, pieces in self.items for _, doc in pieces]  # tok2vec output: not kept by DocBin
        width = max((d.tensor.shape[1] for d in docs if d.tensor.ndim == 2), default=0)
        if width:
            np.save(path / "tensors.npy", np.concatenate(
                [d.tensor if d.tensor.shape == (len(d), width) else np.zeros((len(d), width)) for d in docs]
            ).astype(np.float16))
        texts = {a.id: a.text for a, _ in self.items}
        (path / "index.json").write_text(json.dumps({"index": index, "texts": texts}), encoding="utf-8")

    def _load(self, path: Path, records) -> None:
        from dataclasses import replace

        from spacy.tokens import DocBin

        from newsevents.evaluate import gold_articles

        meta = json.loads((path / "index.json").read_text(encoding="utf-8"))
        docs = list(DocBin().from_disk(path / "docs.spacy").get_docs(self.pipeline.nlp.vocab))
        if (path / "tensors.npy").exists():
            tensors = np.load(path / "tensors.npy").astype(np.float32)
            at = 0
            for doc in docs:
                doc.tensor = tensors[at:at + len(doc)]
                at += len(doc)
        else:
            print(f"{path}: no tok2vec tensors cached; the tensor blocks of --dense need a fresh --cache folder",
                  file=sys.stderr)
        by_id: dict[str, list] = {}
        for (doc_id, offset), doc in zip(meta["index"], docs):
            by_id.setdefault(doc_id, []).append((offset, doc))
        for article in gold_articles(records):
            text = meta["texts"][article.id]
            self.items.append((replace(article, text=text, lang=self.pipeline.lang), by_id.get(article.id, [])))

    def run(self, coder, ids=None) -> list[dict]:
        """Event dicts of the coder on the records (``ids``: only those)."""
        events = []
        for article, docs in self.items:
            if ids is None or article.id in ids:
                events += [e.to_dict() for e in coder.code(article, [(o, d.copy()) for o, d in docs])]
        return events


def capture_rows(corpus: Corpus, coder):
    """Run the coder with no model and record each scored token: (doc id, start, end, features, vector)."""
    captured = []
    current = {}
    original = coder._learned_rows

    def recording(sent, offset, triggers, candidates=True):  # every candidate, whatever the model's setting
        tokens, rows = original(sent, offset, triggers)
        for tok, (names, vector) in zip(tokens, rows):
            captured.append((current["id"], tok.idx + offset, tok.idx + offset + len(tok), names, vector))
        return tokens, rows

    from newsevents.learned import DENSE_PARTS

    class Recorder:  # keeps every lexicon trigger, proposes nothing; captures every dense block
        veto, propose, rescue, rescue_bare, active, labels, propose_known = 2.0, 2.0, 2.0, False, True, ["", "-"], 2.0
        roles = recipients = keep = None
        dense, tensor_width = DENSE_PARTS, WIDTHS.get("tensor", 0)

        @staticmethod
        def probabilities(rows):
            return np.zeros((len(rows), 2))

    coder._learned_rows = recording
    coder.model = Recorder()
    for article, docs in corpus.items:
        current["id"] = article.id
        coder.code(article, [(o, d.copy()) for o, d in docs])
    coder._learned_rows = original
    return captured


def located_events(corpus: Corpus, records):
    """Yield (record id, gold event, its PLOVER types, start offset of its trigger in the cleaned text, or -1
    when the trigger is not found) for every gold event that has a type and a trigger."""
    from newsevents.cleanup import clean_text
    from newsevents.evaluate import event_types

    texts = {a.id: a.text for a, _ in corpus.items}
    for record in records:
        text = texts.get(record["id"], "")
        for event in record.get("events", []):
            types = event_types(event, "plover", "cameo")
            trigger = clean_text(event.get("trigger") or "")
            if not types or not trigger:
                continue
            eventtext = clean_text(event.get("eventtext") or "")
            at = text.find(eventtext) if eventtext else -1
            start = text.find(trigger, at) if at >= 0 and trigger in eventtext else text.find(trigger)
            yield record["id"], event, types, start


def gold_triggers(corpus: Corpus, records) -> dict[str, list[tuple[int, str, str]]]:
    """Per record id: (start offset in the cleaned text, PLOVER type, CAMEO code) of each gold trigger."""
    out: dict[str, list] = {}
    missing = 0
    for record_id, event, types, start in located_events(corpus, records):
        if start < 0:
            missing += 1
            continue
        out.setdefault(record_id, []).append((start, sorted(types)[0], str(event.get("cameo") or "")))
    print(f"gold triggers located: {sum(map(len, out.values()))}, not found: {missing}", file=sys.stderr)
    return out


def gold_actors(corpus: Corpus, records) -> dict[str, list[tuple[int, str, frozenset, frozenset]]]:
    """Per record id: (start offset of the trigger in the cleaned text, PLOVER type, gold source country codes,
    gold target country codes) of each gold event located in the text (``---`` and empty slots give no code)."""
    from newsevents.evaluate import parse_actors

    out: dict[str, list] = {}
    for record_id, event, types, start in located_events(corpus, records):
        sources, targets = (frozenset(code for code, _ in parse_actors(event.get(key)) if code)
                            for key in ("source", "target"))
        if start >= 0 and (sources or targets):
            out.setdefault(record_id, []).append((start, sorted(types)[0], sources, targets))
    return out


def capture_role_rows(corpus: Corpus, coder, actors) -> list[tuple[str, list[str], bool | None, bool | None]]:
    """Run the coder with no model; for each gold event located at a token, one row per actor candidate of its
    sentence (:func:`newsevents.engine.learned_stage.role_candidates`): (doc id, feature names, whether the
    candidate's code is a gold source code, whether it is a gold target code); None where the gold slot names
    no code."""
    from newsevents.engine.frames import Trigger
    from newsevents.engine.learned_stage import role_candidates
    from newsevents.learned_roles import role_features
    from newsevents.lexicon import Frame

    rows: list = []
    current = {}

    def recording(coder_, s):
        for start, plover, sources, targets in actors.get(current["id"], ()):
            for tok in s.sent:
                if tok.idx + s.offset <= start < tok.idx + s.offset + len(tok):
                    trig = Trigger(tok, Frame(lemma=tok.lemma_, cameo="010"), None, tok.pos_ in ("NOUN", "PROPN"))
                    for head, entity, kind in role_candidates(coder_, trig, s):
                        rows.append((current["id"], role_features(tok, head, entity.sector, plover, kind,
                                                                   coder_.lex.rel.case_marker),
                                     entity.code in sources if sources else None,
                                     entity.code in targets if targets else None))

    coder.model = None
    coder.candidate_stages.insert(0, recording)
    try:
        for article, docs in corpus.items:
            current["id"] = article.id
            coder.code(article, [(o, d.copy()) for o, d in docs])
    finally:
        coder.candidate_stages.remove(recording)
    return rows


def capture_drop_rows(corpus: Corpus, coder, triggers) -> list[tuple[str, list[str], bool, str, int, str]]:
    """Run the coder with no model; for each lexicon trigger a drop rule drops (the first that fires, as the rules
    alone run), one row: (doc id, feature names of :func:`newsevents.learned_keep.keep_features` without the
    trigger model's probability, whether a gold trigger of the trigger's PLOVER type starts in its token, the
    rule's name, the token's start offset, the PLOVER type). Structural drops are left out."""
    from newsevents.learned_keep import STRUCTURAL, keep_features

    rows: list = []
    current = {}

    def recorder(state, index, rule, cand=None):  # never keeps: the drops are those of the rules alone
        trig = state.by_token.get(index)
        if trig is None or rule in STRUCTURAL or (index, rule) in current["seen"]:
            return False
        current["seen"].add((index, rule))
        names, _ = coder._learned_row(trig.token, trig, state.offset == 0 and state.sent.start == 0, dense=False)
        plover = coder.cameo.plover(trig.frame.cameo)
        start, end = trig.token.idx + state.offset, trig.token.idx + state.offset + len(trig.token)
        right = any(start <= t_start < end and t_type == plover for t_start, t_type, _ in
                    triggers.get(current["id"], ()))
        rows.append((current["id"], keep_features(trig.token, names, rule, plover), right, rule, start, plover))
        return False

    def install(coder_, s):
        s.keeper = recorder

    coder.model = None
    coder.candidate_stages.insert(0, install)
    try:
        for article, docs in corpus.items:
            current["id"], current["seen"] = article.id, set()
            coder.code(article, [(o, d.copy()) for o, d in docs])
    finally:
        coder.candidate_stages.remove(install)
    kept = Counter(row[3] for row in rows if row[2])
    print(f"{len(rows)} dropped lexicon triggers, {sum(kept.values())} of them right: "
          + ", ".join(f"{rule} {n}" for rule, n in kept.most_common(12)), file=sys.stderr)
    return rows


def fit_keep(rows, indices, seed, type_probs=None, least: int = 3):
    """Train the drop override (:class:`newsevents.learned_keep.KeepModel`, switched off until a setting is
    applied) on the drop rows at ``indices``; it may overrule the rules with at least ``least`` right triggers
    among them. ``type_probs`` (one per drop row: the trigger model's out-of-fold probability of the trigger's
    type) adds the probability bands to the features."""
    from sklearn.linear_model import LogisticRegression

    from newsevents.learned_keep import KeepModel

    vocab, x = sparse_features([keep_names(rows[i], type_probs, i) for i in indices])
    clf = LogisticRegression(C=C_KEEP[0], max_iter=2000, random_state=seed)
    clf.fit(x, [bool(rows[i][2]) for i in indices])
    right = Counter(rows[i][3] for i in indices if rows[i][2])
    return KeepModel(vocab, clf.coef_[0].astype(np.float32), float(clf.intercept_[0]),
                     rules=frozenset(rule for rule, n in right.items() if n >= least), with_p=type_probs is not None)


def keep_names(row, type_probs, i: int) -> list[str]:
    """The drop override's feature names of drop row ``row`` (number ``i``), with the probability bands of
    ``type_probs[i]`` when given."""
    if type_probs is None:
        return row[1]
    from newsevents.learned_keep import P_BANDS

    band = next(b for b in P_BANDS if type_probs[i] >= b)
    return row[1] + [f"kp={band}", f"kp_rule={row[3]}|{band}"]


def known_diagnostics(captured, labels, probs, classes) -> None:
    """Print, for the words no lexicon frame matched but whose lemma has frames, how many the out-of-fold
    probabilities ``probs`` would propose at each threshold with a type among the lemma's frames, and how many of
    them are a gold trigger of that type."""
    for at in (0.2, 0.3, 0.4, 0.5, 0.6):
        picked = right = 0
        for k, (_, _, _, names, _) in enumerate(captured):
            if "rule=" not in names:
                continue
            known = [n[4:] for n in names if n.startswith("lex=") and n[4:] in classes]
            if not known:
                continue
            best = max(known, key=lambda t: probs[k, classes.index(t)])
            if probs[k, classes.index(best)] >= at:
                picked += 1
                right += labels[k] == best
        print(f"known-lemma proposal >= {at}: {picked} proposed, {right} right", file=sys.stderr)


def drop_type_probs(captured, drop_rows, probs, order) -> np.ndarray:
    """For each drop row, the probability ``probs`` (one row per captured token, columns in ``order``) gives its
    trigger's PLOVER type at its token (0 when the token was not captured or the type is not a class)."""
    at = {(row[0], row[1]): k for k, row in enumerate(captured)}
    out = np.zeros(len(drop_rows))
    for i, (doc_id, _, _, _, start, plover) in enumerate(drop_rows):
        k = at.get((doc_id, start))
        if k is not None and plover in order:
            out[i] = probs[k, order.index(plover)]
    return out


def keep_diagnostics(rows, probs) -> None:
    """Print, for the out-of-fold probabilities of the drop rows, how many drops each threshold overrules and how
    many of them are right (all rules, and the no-participant drops apart)."""
    for at in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        picked = [(row[2], row[3]) for row, p in zip(rows, probs) if p >= at]
        roles = [right for right, rule in picked if rule in ("no_participants", "actor_required")]
        print(f"keep >= {at}: {len(picked)} kept, {sum(r for r, _ in picked)} right; no-participant drops "
              f"{len(roles)} kept, {sum(roles)} right", file=sys.stderr)


def fit_roles(rows, indices, seed, side: int = 2):
    """Train an actor (``side`` 2) or recipient (``side`` 3) choice (:class:`newsevents.learned_roles.RoleModel`,
    switched off until a setting is applied) on the role rows at ``indices`` whose label on that side is known."""
    from sklearn.linear_model import LogisticRegression

    from newsevents.learned_roles import RoleModel

    indices = [i for i in indices if rows[i][side] is not None]
    vocab, x = sparse_features([rows[i][1] for i in indices])
    clf = LogisticRegression(C=ROLE_C, max_iter=2000, random_state=seed)
    clf.fit(x, [bool(rows[i][side]) for i in indices])
    return RoleModel(vocab, clf.coef_[0].astype(np.float32), float(clf.intercept_[0]))


def sparse_features(feature_names: list) -> tuple[dict[str, int], object]:
    """One row per item of ``feature_names`` (each an iterable of feature names), a 0/1 column per name seen in
    at least two rows; returns (name -> column, a float32 ``scipy.sparse.csr_matrix``)."""
    from scipy import sparse

    counts = Counter(name for names in feature_names for name in set(names))
    vocab = {name: j for j, name in enumerate(sorted(n for n, c in counts.items() if c >= 2))}
    rows, cols = [], []
    for r, names in enumerate(feature_names):
        for name in set(names):
            if name in vocab:
                rows.append(r)
                cols.append(vocab[name])
    return vocab, sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                                    shape=(len(feature_names), len(vocab)))


def label_rows(captured, triggers) -> list[str]:
    labels = []
    for doc_id, start, end, _, _ in captured:
        label = ""
        for t_start, plover, _ in triggers.get(doc_id, ()):
            if start <= t_start < end:
                label = plover
                break
        labels.append(label)
    return labels


def fit(captured, labels, indices, seed):
    """Train on the rows at ``indices``; returns (labels order, vocab, coef, intercept)."""
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    vocab, x_sparse = sparse_features([captured[i][3] for i in indices])
    from newsevents.learned import unit

    dense = np.vstack([unit(select(captured[i][4])) for i in indices]).astype(np.float32)
    x = sparse.hstack([x_sparse, sparse.csr_matrix(dense)]).tocsr()
    y = [labels[i] for i in indices]
    clf = LogisticRegression(C=C, max_iter=3000, random_state=seed)
    clf.fit(x, y)
    order = list(clf.classes_)
    assert order[0] == "", "the no-event class sorts first"
    return order, vocab, clf.coef_.astype(np.float32), clf.intercept_.astype(np.float32)


def select(vector: np.ndarray) -> np.ndarray:
    """The blocks of :data:`DENSE` out of a captured dense vector (every block of
    :data:`~newsevents.learned.DENSE_PARTS`), as :func:`newsevents.learned.dense_vector` gives them at run time."""
    from newsevents.learned import DENSE_PARTS

    at, out = 0, []
    for part in DENSE_PARTS:
        if part in DENSE:
            out.append(vector[at:at + WIDTHS[part]])
        at += WIDTHS[part]
    return np.concatenate(out) if out else vector[:0]


def code_tables(records, triggers_by_id, cameo) -> tuple[dict, dict]:
    """(PLOVER type -> most frequent gold CAMEO code, "lemma|TYPE" -> code) from the gold; lemma tables are
    filled by the caller."""
    by_type: dict[str, Counter] = {}
    for record in records:
        for _, plover, code in triggers_by_id.get(record["id"], ()):
            if code and code in cameo and cameo.plover(code) == plover:
                by_type.setdefault(plover, Counter())[code] += 1
    return {t: c.most_common(1)[0][0] for t, c in by_type.items()}


def main() -> int:
    global DENSE
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--report", type=Path, default=None, help="write the cross-validation table (JSON)")
    parser.add_argument("--cache", type=Path, default=None, help="keep (or reuse) the parses in this folder")
    parser.add_argument("--dense", default=",".join(DENSE), help="dense blocks of the trigger model, "
                        "','-separated among vector, tensor, head_tensor ('' for none)")
    parser.add_argument("--grid", default=None, help="settings to try, ';'-separated: "
                        "'veto,propose,rescue,bare,spare,actor_threshold,actor_scope,require,recipient_threshold,"
                        "recipient_scope[,keep_threshold,keep_actor,keep_with_p,propose_known,keep_scope]'")
    parser.add_argument("--keep-c", type=float, default=C_KEEP[0], help="inverse regularisation of the drop override")
    parser.add_argument("--try-keep", action="store_true", help="also cross-validate the drop override and "
                        "known-lemma proposal settings of KEEP_GRID")
    args = parser.parse_args()
    C_KEEP[0] = args.keep_c
    out = args.out or ROOT / "src" / "newsevents" / "data" / f"trigger_model_{args.lang}.npz"
    from newsevents.learned import TriggerModel
    from newsevents.pipeline import Pipeline

    started = time.perf_counter()
    records = load_records(args.shared, "tune")
    pipeline = Pipeline(args.lang, force_lang=True, learned=False)
    coder = pipeline.coder
    corpus = Corpus(pipeline, records, args.cache and args.cache / "tune")
    DENSE = tuple(part for part in args.dense.split(",") if part)
    tensor_width = max((d.tensor.shape[1] for _, docs in corpus.items for _, d in docs if d.tensor.ndim == 2),
                       default=0)
    WIDTHS.update(vector=pipeline.nlp.vocab.vectors_length, tensor=tensor_width, head_tensor=tensor_width)
    settings = GRID if not args.grid else tuple(parse_setting(part) for part in args.grid.split(";"))
    settings += KEEP_GRID if args.try_keep else ()
    print(f"parsed {len(records)} tune records in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    captured = capture_rows(corpus, coder)
    triggers = gold_triggers(corpus, records)
    labels = label_rows(captured, triggers)
    role_rows = capture_role_rows(corpus, coder, gold_actors(corpus, records))
    drop_rows = capture_drop_rows(corpus, coder, triggers)
    print(f"{len(captured)} candidate rows, {sum(1 for x in labels if x)} labelled events, {len(role_rows)} actor "
          f"candidate rows", file=sys.stderr)
    tables = (code_tables(records, triggers, coder.cameo), lemma_code_table(captured, labels, triggers, coder.cameo))
    cv = cross_validate(corpus, records, (captured, labels, role_rows, drop_rows), tables, settings, args)
    order, vocab, coef, intercept = fit(captured, labels, list(range(len(captured))), args.seed)
    everything = list(range(len(role_rows)))
    final = TriggerModel(order, vocab, coef, intercept, *tables, 1.01, 1.01, {}, dense=DENSE,
                         tensor_width=WIDTHS["tensor"],
                         roles=fit_roles(role_rows, everything, args.seed, 2),
                         recipients=fit_roles(role_rows, everything, args.seed, 3))
    keeps = {False: fit_keep(drop_rows, list(range(len(drop_rows))), args.seed),
             True: fit_keep(drop_rows, list(range(len(drop_rows))), args.seed, args.type_probs)}
    dev = dev_check(pipeline, final, keeps, settings, args)
    best = choose(cv, dev)
    final.keep = keeps[best[12]]
    apply_setting(final, best)
    final.roles = final.roles if final.roles.threshold <= 1.0 else None
    final.recipients = final.recipients if final.recipients.threshold <= 1.0 else None
    final.keep = final.keep if final.keep.threshold <= 1.0 else None
    final.info = {"trained_on": "eval/train tune part", "records": len(records), "rows": len(captured),
                  "role_rows": len(role_rows), "drop_rows": len(drop_rows), "folds": args.folds, "seed": args.seed,
                  "C": C, "role_C": ROLE_C, "keep_C": C_KEEP[0], "dense": list(DENSE),
                  "cv": cv[best], "cv_no_model": cv[OFF]}
    final.save(out)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB), setting {best}, "
          f"in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    if args.report:
        report = {str(k): {"cv_tune": cv[k], "dev": dev[k], "chosen": k == best} for k in cv}
        args.report.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


def parse_setting(text: str) -> tuple:
    """One ``--grid`` setting (see :data:`GRID`), its ten to fifteen values separated by commas (the last five,
    the drop override's threshold, actor requirement and use of the trigger model's probability, the
    known-lemma proposal threshold and the override's scope, default to off)."""
    values = [x.strip() for x in text.split(",")]
    v, p, r, b, sp, t, scope, req, rt, rscope = values[:10]
    kt, kactor, kp, known, kscope = (values + ["1.01", "true", "false", "1.01", "all"][len(values) - 10:])[10:15]
    yes = ("1", "true", "yes")
    return (float(v), float(p), float(r), b.lower() in yes, sp.lower() in yes, float(t), scope, req.lower() in yes,
            float(rt), rscope, float(kt), kactor.lower() in yes, kp.lower() in yes, float(known), kscope)


def apply_setting(model, setting) -> None:
    """Set a model's thresholds, its actor choice's threshold, scope and requirement and its recipient choice's
    threshold and scope to ``setting`` (see :data:`GRID`)."""
    model.veto, model.propose, model.rescue, model.rescue_bare, model.spare = setting[:5]
    model.roles.threshold, model.roles.scope, model.roles.require = setting[5:8]
    model.recipients.threshold, model.recipients.scope = setting[8:10]
    from dataclasses import replace

    # setting[12]: which override (chosen by the caller, whose model.keep is its own copy's source)
    model.keep = replace(model.keep, threshold=setting[10], actor=setting[11],
                         rules=frozenset(r for r in model.keep.rules if keep_scope(r, setting[14])))
    model.propose_known = setting[13]


def keep_scope(rule: str, scope: str) -> bool:
    """Whether the drop override of scope ``scope`` may overrule ``rule``: ``all``; ``suppression`` (the
    suppression and label rules and the answered-request rule); ``roles`` (the roles stage's drops)."""
    from newsevents.engine.rulebook import REGISTRY

    try:
        stage = REGISTRY.get(rule).stage
    except KeyError:
        stage = "suppression"
    return scope == "all" or (stage == "roles") == (scope == "roles")


def cross_validate(corpus, records, data, tables, settings, args) -> dict:
    """Scores of the coder on each held-out fold with the models trained on the others, per setting (:data:`OFF`:
    the rules alone), over all tune records. ``data``: (trigger rows, their labels, actor candidate rows, drop
    rows). The trigger model's out-of-fold probabilities feed the drop override's probability bands; the override's
    own out-of-fold choices are printed (:func:`keep_diagnostics`), and the known-lemma proposals'
    (:func:`known_diagnostics`). Sets ``args.type_probs`` (the drop rows' out-of-fold type probabilities)."""
    from newsevents.evaluate import score
    from newsevents.learned import TriggerModel

    captured, labels, role_rows, drop_rows = data
    coder = corpus.pipeline.coder
    keep_probs = np.zeros(len(drop_rows))
    rng = np.random.default_rng(args.seed)
    ids = sorted({a.id for a, _ in corpus.items})
    fold_of = dict(zip(ids, rng.permutation(len(ids)) % args.folds))
    events: dict = {setting: [] for setting in (OFF, *settings)}
    fitted, classes = [], sorted(set(labels))
    oof = np.zeros((len(captured), len(classes)))
    for fold in range(args.folds):  # the trigger model of each fold, and its out-of-fold probabilities
        fitted.append(fit(captured, labels, [i for i, row in enumerate(captured) if fold_of[row[0]] != fold],
                          args.seed))
        held = [i for i, row in enumerate(captured) if fold_of[row[0]] == fold]
        model = TriggerModel(*fitted[-1], *tables, 1.01, 1.01, {}, dense=DENSE, tensor_width=WIDTHS["tensor"])
        probs = model.probabilities([(captured[i][3], select(captured[i][4])) for i in held])
        oof[np.ix_(held, [classes.index(label) for label in model.labels])] = probs
    type_probs = drop_type_probs(captured, drop_rows, oof, classes)
    known_diagnostics(captured, labels, oof, classes)
    for fold in range(args.folds):
        held = {doc_id for doc_id, f in fold_of.items() if f == fold}
        role_train = [i for i, row in enumerate(role_rows) if fold_of[row[0]] != fold]
        drop_train = [i for i, row in enumerate(drop_rows) if fold_of[row[0]] != fold]
        model = TriggerModel(*fitted[fold], *tables, 1.01, 1.01, {}, dense=DENSE, tensor_width=WIDTHS["tensor"],
                             roles=fit_roles(role_rows, role_train, args.seed, 2),
                             recipients=fit_roles(role_rows, role_train, args.seed, 3))
        keeps = {False: fit_keep(drop_rows, drop_train, args.seed), True: fit_keep(drop_rows, drop_train,
                                                                                 args.seed, type_probs)}
        for i, row in enumerate(drop_rows):
            if fold_of[row[0]] == fold:
                keep_probs[i] = keeps[True].probability(keep_names(row, type_probs, i))
        for setting in events:
            model.keep = keeps[setting[12]]
            apply_setting(model, setting)
            coder.model = model if setting != OFF else None
            events[setting] += corpus.run(coder, held)
        print(f"fold {fold} done", file=sys.stderr)
    args.type_probs = type_probs
    coder.model = None
    keep_diagnostics(drop_rows, keep_probs)
    return {setting: summary(score(records, found)) for setting, found in events.items()}


def dev_check(pipeline, model, keeps, settings, args) -> dict:
    """Scores of the final model on each development gold set (``eval/dev``), per setting (:data:`OFF`: the
    rules alone); ``keeps``: the drop override without and with the trigger model's probability."""
    from newsevents.evaluate import read_jsonl, score

    coder = pipeline.coder
    out: dict = {setting: {} for setting in (OFF, *settings)}
    for path in sorted((args.shared / "eval" / "dev").glob("*.jsonl")):
        records = read_jsonl(str(path))
        corpus = Corpus(pipeline, records, args.cache and args.cache / path.stem)
        for setting in out:
            model.keep = keeps[setting[12]]
            apply_setting(model, setting)
            coder.model = model if setting != OFF else None
            out[setting][path.stem] = summary(score(records, corpus.run(coder)))
    coder.model = None
    return out


def choose(cv: dict, dev: dict, tolerance: float = 0.03, margin: float = MARGIN):
    """The setting with the best sum of cross-validated F1 (type + dyad + full) among those that gain at least
    ``margin`` at the type and dyad levels in cross-validation, lose nothing at the full level (the model chooses
    events and parties, never sectors, so the full level follows the dyad level and the sector rules) and lose no
    more than ``tolerance`` F1 at any level of any dev set, against the rules alone; :data:`OFF` (every mechanism
    off) when none qualifies. Prints the table."""
    def fair(setting) -> bool:
        gains = all(cv[setting][lv] >= cv[OFF][lv] + margin for lv in LEVELS if lv != "full")
        return gains and cv[setting]["full"] >= cv[OFF]["full"] and all(
            dev[setting][name][lv] >= dev[OFF][name][lv] - tolerance for name in dev[OFF] for lv in LEVELS)

    allowed = [s for s in cv if s != OFF and fair(s)]
    best = max(allowed, key=lambda s: sum(cv[s][lv] for lv in LEVELS)) if allowed else OFF
    for setting, row in cv.items():
        devs = "  ".join(f"{name[:6]} " + "/".join(f"{v[lv]:.2f}" for lv in LEVELS) for name, v in dev[setting].items())
        label = "rules alone" if setting == OFF else ",".join(str(x) for x in setting)
        print(f"{label:36s} cv " + "/".join(f"{row[lv]:.3f}" for lv in LEVELS)
              + f" (P {row['type_p']:.2f} R {row['type_r']:.2f})  {devs}" + ("  <- chosen" if setting == best else ""))
    if best == OFF:
        print("no setting qualifies: the model is written switched off", file=sys.stderr)
    return best


def lemma_code_table(captured, labels, triggers, cameo) -> dict[str, str]:
    """"lemma|TYPE" -> the most frequent gold CAMEO code of that trigger word and type."""
    codes: dict[str, Counter] = {}
    for (doc_id, start, end, names, _), label in zip(captured, labels):
        if not label:
            continue
        lemma = next(n[4:] for n in names if n.startswith("lem="))
        for t_start, plover, code in triggers.get(doc_id, ()):
            if start <= t_start < end and plover == label and code in cameo and cameo.plover(code) == plover:
                codes.setdefault(f"{lemma}|{label}", Counter())[code] += 1
    return {key: c.most_common(1)[0][0] for key, c in codes.items()}


def summary(result) -> dict:
    return {"type": result["type"]["f1"], "dyad": result["dyad"]["f1"], "full": result["full"]["f1"],
            "type_p": result["type"]["precision"], "type_r": result["type"]["recall"]}


if __name__ == "__main__":
    sys.exit(main())
