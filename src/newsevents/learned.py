"""The learned trigger model: for a candidate word in its parsed sentence, its PLOVER event type or no event.

The lexicon's frames (:mod:`newsevents.lexicon`) say which words *can* code an event; on text nobody tuned them on,
they miss rarer synonyms and code other senses. This model is trained on annotated news
(``eval/train`` of the shared material, its *tune* part only; ``scripts/train_trigger_model.py`` rebuilds it with a
fixed seed) and is used by the coder's candidate stage :func:`newsevents.engine.learned_stage.learned_triggers` in
three ways, each switched off by a threshold above 1 (the shipped French model uses rescue alone, without sparing,
to open its confident triggers to the learned actor and recipient choices of :mod:`newsevents.learned_roles`:
the setting that raised F1 at every level in cross-validation, see docs/accuracy.md):

* **veto** -- a trigger of the lexicon whose "no event" probability is above ``veto`` is dropped (a lexicon
  word used in another sense);
* **proposal** -- a word the lexicon does not match whose best event type has a probability above ``propose`` becomes
  a candidate trigger with a synthetic frame of that type (a rarer synonym no frame lists), whose roles are then
  found by the same rules as any trigger;
* **rescue** -- a trigger of the lexicon whose own type has a probability above ``rescue`` is confident: it escapes
  the suppression rules when ``spare`` is on, and is open to the role choices of scope ``added``.

The model is a multinomial logistic regression (scikit-learn at training time; numpy only at run time) over
binary features of the parse (lemma, part of speech, dependency, morphology, head, children, prepositions, what
the lexicon says of the word) and the spaCy model's word vector. Feature names are built from the parse, so the
module holds no word of any language. The weights ship in ``data/trigger_model_<lang>.npz``; a language without
that file simply has no model.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources

import numpy as np

from .learned_keep import KeepModel
from .learned_roles import RoleModel

NO_EVENT = ""
PACKAGED = "packaged"
"""``EventCoder(..., model=PACKAGED)``: use the model shipped for the language."""
CANDIDATE_POS = frozenset({"VERB", "NOUN", "ADJ", "AUX", "PROPN"})
"""Parts of speech of the words the model scores (UD tags, the same in every language)."""


def candidate(tok) -> bool:
    """Whether the model scores this token: a verb, noun, adjective, auxiliary or proper noun that is a word."""
    return tok.pos_ in CANDIDATE_POS and tok.is_alpha and len(tok.text) > 2


def features(tok, rule_type: str, lexicon_types: frozenset[str], first_sentence: bool, rel) -> list[str]:
    """The binary feature names of token ``tok`` (a spaCy ``Token``).

    ``rule_type``: the PLOVER type of the lexicon trigger the coder matched at this token ("" when none);
    ``lexicon_types``: the PLOVER types of every lexicon frame of the token's lemma, matched or not;
    ``first_sentence``: whether the sentence is the document's first (titles read differently); ``rel``: the
    language's dependency labels (:class:`~newsevents.lexicon.Relations`, ``Lexicon.rel``), whose function words
    and arguments get features of their own.
    """
    function_words = (rel.determiner, rel.auxiliary, rel.adverbial_modifier, rel.expletive, rel.case_marker,
                      rel.clause_marker, rel.copula)
    arguments = (rel.object, rel.nominal_subject, rel.oblique, rel.nominal_modifier, rel.indirect_object)
    head_function_words = (rel.case_marker, rel.determiner, rel.auxiliary, rel.copula)
    lemma = tok.lemma_.lower()
    head = tok.head
    out = [f"lem={lemma}", f"low={tok.lower_}", f"pos={tok.pos_}", f"dep={tok.dep_}", f"pd={tok.pos_}|{tok.dep_}",
           f"hlem={head.lemma_.lower()}", f"hpos={head.pos_}", f"hdep={head.dep_}", f"rule={rule_type}",
           f"rule_lem={rule_type}|{lemma}", f"first={first_sentence}", f"suf={tok.lower_[-4:]}"]
    out += [f"lex={t}" for t in sorted(lexicon_types)]
    out += [f"m={key}={value}" for key, value in tok.morph.to_dict().items()]
    if head.i == tok.i:
        out.append("root")
    for child in tok.children:
        out.append(f"cdep={child.dep_}")
        if child.dep_.split(":")[0] in function_words:
            out.append(f"c={child.dep_}={child.lemma_.lower()}")
        for grand in child.children:
            if grand.dep_ == rel.case_marker:
                out.append(f"prep={grand.lemma_.lower()}")
                out.append(f"prep_ent={grand.lemma_.lower()}|{child.ent_type_ or child.pos_}")
        if child.ent_type_:
            out.append(f"cent={child.dep_}|{child.ent_type_}")
        if child.dep_.split(":")[0] in arguments:
            out.append(f"clem={child.dep_}|{child.lemma_.lower()}")
    for sib in head.children:
        if sib.i != tok.i and sib.dep_.split(":")[0] in head_function_words:
            out.append(f"hc={sib.dep_}={sib.lemma_.lower()}")
    if head.i != tok.i:
        out.append(f"hl_dep={head.lemma_.lower()}|{tok.dep_}")
    return out


@dataclass
class TriggerModel:
    """A trained trigger model (see the module docstring).

    ``labels``: class names, ``""`` (no event) then PLOVER types; ``vocab``: feature name -> column;
    ``coef``: (len(labels), len(vocab) + vector width) float32 weights; ``intercept``: (len(labels),);
    ``codes``: PLOVER type -> CAMEO code given to a proposed trigger of that type; ``lemma_codes``:
    "lemma|TYPE" -> CAMEO code seen in training for that word and type; ``veto`` and ``propose``: probability
    thresholds (chosen by cross-validation on the tune part, see the training script); ``rescue``: the probability
    of its own type above which a lexicon trigger is kept whatever the suppression rules say; ``rescue_bare``:
    whether such a trigger is kept even when no actor and no recipient is found; ``roles`` and ``recipients``: the
    learned actor and recipient choices (:class:`~newsevents.learned_roles.RoleModel`) or None; ``spare``: whether
    a trigger the model is confident of escapes the suppression rules (otherwise its confidence only opens it to the
    learned actor and recipient choices of scope ``added``, and to their requirement); ``dense``: the dense
    blocks of :data:`DENSE_PARTS` the weights after the sparse columns read, in order (``tensor_width`` wide
    each for the tok2vec blocks); ``keep``: the learned override of rule drops
    (:class:`~newsevents.learned_keep.KeepModel`) or None; ``propose_known``: the probability above which a word
    no frame matched, but whose lemma has lexicon frames, becomes a trigger with its frame of the most probable of
    their types.
    """

    labels: list[str]
    vocab: dict[str, int]
    coef: np.ndarray
    intercept: np.ndarray
    codes: dict[str, str]
    lemma_codes: dict[str, str]
    veto: float
    propose: float
    info: dict
    rescue: float = 1.01
    rescue_bare: bool = True
    roles: RoleModel | None = None
    recipients: RoleModel | None = None
    spare: bool = True
    dense: tuple[str, ...] = ("vector",)
    tensor_width: int = 0
    keep: KeepModel | None = None
    propose_known: float = 1.01

    def probabilities(self, rows: list[tuple[list[str], np.ndarray]]) -> np.ndarray:
        """(n, len(labels)) class probabilities for n candidates, each (feature names, dense features of
        :func:`dense_vector` with this model's ``dense`` blocks)."""
        if not rows:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        n_sparse = len(self.vocab)
        sparse_rows = self._sparse_rows()
        vocab = self.vocab
        scores = np.tile(self.intercept, (len(rows), 1)).astype(np.float32)
        for i, (names, vector) in enumerate(rows):
            cols = [vocab[name] for name in names if name in vocab]
            if cols:  # what coef[:, cols] gives (same values, same layout: the same sum), read row by row
                scores[i] += sparse_rows[cols].T.sum(axis=1)
            scores[i] += self.coef[:, n_sparse:] @ unit(vector)
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def _sparse_rows(self) -> np.ndarray:
        """The sparse weights transposed, (len(vocab), len(labels)) C-contiguous, made on first use: a row's
        features gather whole rows of it instead of columns strewn over ``coef``; ``coef`` must not change
        afterwards."""
        rows = self.__dict__.get("_sparse_t")
        if rows is None:
            rows = self.__dict__["_sparse_t"] = np.ascontiguousarray(self.coef[:, :len(self.vocab)].T)
        return rows

    @property
    def active(self) -> bool:
        """Whether any of veto, proposal and rescue can fire (a threshold above 1 switches it off)."""
        return min(self.veto, self.propose, self.rescue, self.propose_known) <= 1.0 or any(
            m is not None and m.threshold <= 1.0 for m in (self.roles, self.recipients, self.keep))

    def code_for(self, lemma: str, plover: str) -> str:
        """The CAMEO code of a proposed trigger: the one seen in training for this word and type, else the
        type's most frequent code in training."""
        return self.lemma_codes.get(f"{lemma}|{plover}") or self.codes[plover]

    def save(self, path) -> None:
        """Write the model to one ``.npz`` file (weights as float16; about 1-3 MB)."""
        meta = {"labels": self.labels, "vocab": sorted(self.vocab, key=self.vocab.get), "codes": self.codes,
                "lemma_codes": self.lemma_codes, "veto": self.veto, "propose": self.propose, "rescue": self.rescue,
                "rescue_bare": self.rescue_bare, "spare": self.spare, "info": self.info,
                "propose_known": self.propose_known,
                "dense": list(self.dense), "tensor_width": self.tensor_width}
        arrays = {}
        if self.roles is not None:
            meta["roles"], arrays["role_coef"] = self.roles.to_meta()
        if self.recipients is not None:
            meta["recipients"], arrays["recipient_coef"] = self.recipients.to_meta()
        if self.keep is not None:
            meta["keep"], arrays["keep_coef"] = self.keep.to_meta()
        np.savez_compressed(path, coef=self.coef.astype(np.float16), intercept=self.intercept.astype(np.float32),
                            meta=np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8),
                            **arrays)

    @classmethod
    def load(cls, path) -> "TriggerModel":
        """Read a model written by :meth:`save`. Raises ``OSError`` when the file is missing or unreadable."""
        with np.load(path) as data:
            meta = json.loads(bytes(data["meta"]).decode("utf-8"))
            coef = data["coef"].astype(np.float32)
            intercept = data["intercept"].astype(np.float32)
            roles = RoleModel.from_meta(meta["roles"], data["role_coef"]) if "roles" in meta else None
            recipients = (RoleModel.from_meta(meta["recipients"], data["recipient_coef"]) if "recipients" in meta
                          else None)
            keep = KeepModel.from_meta(meta["keep"], data["keep_coef"]) if "keep" in meta else None
        vocab = {name: i for i, name in enumerate(meta["vocab"])}
        return cls(meta["labels"], vocab, coef, intercept, meta["codes"], meta["lemma_codes"], meta["veto"],
                   meta["propose"], meta.get("info", {}), meta.get("rescue", 1.01),
                   meta.get("rescue_bare", True), roles, recipients, meta.get("spare", True),
                   tuple(meta.get("dense", ("vector",))), int(meta.get("tensor_width", 0)), keep,
                   float(meta.get("propose_known", 1.01)))


DENSE_PARTS = ("vector", "tensor", "head_tensor")
"""Dense blocks a model can read for a token: ``vector`` -- the spaCy word vector (static); ``tensor`` -- the
pipeline's tok2vec output at the token (``Doc.tensor``: the word in its context, computed by the parse anyway);
``head_tensor`` -- the same at the token's syntactic head."""


def dense_vector(tok, parts: tuple[str, ...], tensor_width: int = 0) -> np.ndarray:
    """The token's dense features: each block of ``parts`` (:data:`DENSE_PARTS`) scaled to length 1, concatenated.
    A doc with no tok2vec output (``Doc.tensor`` empty) gives zeros of ``tensor_width`` for the tensor blocks."""
    blocks = []
    tensor = tok.doc.tensor
    for part in parts:
        if part == "vector":
            blocks.append(unit(tok.vector.astype(np.float32)))
            continue
        i = tok.i if part == "tensor" else tok.head.i
        if tensor.ndim == 2 and tensor.shape[0] == len(tok.doc) and tensor.shape[1]:
            blocks.append(unit(np.asarray(tensor[i], dtype=np.float32)))
        else:
            blocks.append(np.zeros(tensor_width, dtype=np.float32))
    return np.concatenate(blocks) if blocks else np.zeros(0, dtype=np.float32)


def unit(vector: np.ndarray) -> np.ndarray:
    """The vector scaled to length 1 (zeros stay zeros)."""
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


def packaged_model(lang: str) -> TriggerModel | None:
    """The model shipped for ``lang`` (``data/trigger_model_<lang>.npz``), or None when there is none."""
    ref = resources.files("newsevents").joinpath("data", f"trigger_model_{lang}.npz")
    if not ref.is_file():
        return None
    with resources.as_file(ref) as path:
        return TriggerModel.load(path)


def synthetic_slots(lexicon, top: int = 4) -> dict[tuple[str, bool], tuple[str, ...]]:
    """Recipient slots for the synthetic frame of a proposed trigger: for each (CAMEO root, is a noun), the
    ``top`` slots (an object, a preposition) most often named by the lexicon's own frames of that root."""
    from collections import Counter

    counts: dict[tuple[str, bool], Counter] = {}
    for is_noun, table in ((False, lexicon.verbs), (True, lexicon.nouns)):
        for frames in table.values():
            for frame in frames:
                counts.setdefault((frame.cameo[:2], is_noun), Counter()).update(frame.recipient)
    return {key: tuple(slot for slot, _ in counter.most_common(top)) for key, counter in counts.items()}
