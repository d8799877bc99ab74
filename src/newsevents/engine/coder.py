"""The event coder: from a parsed article to event records.

For each sentence: find trigger words (event verbs and event nouns of the lexicon), choose the frame that
matches, find the actor and the recipient on the dependency parse (subject / passive agent / shared subject of
coordinated or controlled verbs / antecedent of a relative pronoun; object or preposition complement), resolve
them to actors (:mod:`newsevents.actors`), and add modality, attribution, date and place. Conventions follow
eval/ANNOTATION.md (PLOVER manual where it differs from CAMEO):

* reporting verbs are attribution, not events; the event is in the reported clause;
* a visit is one event visitor -> host; a meeting with no host, and reciprocal verbs, are coded both ways;
* compound actors give one event per member (actor x recipient);
* an event in the complement of a demand, threat, refusal or pledge is part of that event, not another one,
  except "refuser de" + a conflictual act, which is that act, negated;
* intent (volonté, vouloir, promettre...) makes an event ``intended``; intended meetings, cooperation and aid
  are coded as the CAMEO 03 "express intent" codes (036, 031, 033...);
* background is not coded: participles with no agent modifying a complement, topics of reactions ("condamner
  l'attaque"), purpose clauses, conditions of threats, relative clauses describing a place, generic mentions;
* participants the sentence does not name but the story implies (the protesters' own government, the country
  where an arrest happens, the other party of the story) are *inferred*: their ``entity_text`` is "" and their
  span the empty span at the event words, so analysts can tell them from named ones.

Each cue list and frame lives in ``lang/<code>/verbs*.yaml`` and ``cues.yaml``; ``tests/test_coder_rules.py``
(hand-built parses) and ``tests/test_coder_model.py`` (the real model) test the rules one by one.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..codes import load_cameo
from ..docview import build_view, drop_view
from ..langdata import LanguageData
from ..learned import PACKAGED, packaged_model, synthetic_slots
from ..lexicon import Lexicon
from ..records import Article, Attribution, Coder, Event
from .absorption import Absorption
from .attribution import Sources
from .candidates import Candidates
from .fallbacks import Fallbacks
from .frames_match import FrameMatching
from .modality import Modality
from .nouns import Nouns
from .parties import Parties
from .postfilter import PostFilters
from .repairs import ParseRepairs
from .roles import Roles
from .learned_stage import LearnedStage, learned_triggers
from .sentence import CANDIDATE_STAGES, SentenceCoder, match_triggers
from .suppression import Suppression
from .syntax import case_of, use_contractions
from .time_place import TimePlace
from .trace import Trace


class EventCoder(SentenceCoder, ParseRepairs, Candidates, FrameMatching, Suppression, Absorption, Roles, Fallbacks,
                 Nouns, Parties, Modality, Sources, TimePlace, PostFilters, LearnedStage):
    """Codes events in parsed articles. Built once per language; :meth:`code` is called per article.

    ``data`` is the language data (:func:`newsevents.langdata.load_language`); ``coder_info`` is recorded in
    every event's ``coder`` field. ``actors``, ``dates`` and ``places`` are the resolvers
    (:class:`~newsevents.actors.ActorResolver`, :class:`~newsevents.dates.DateResolver`,
    :class:`~newsevents.places.PlaceResolver`); each is built from the same data when not given. ``nlp``: the
    loaded spaCy pipeline, whose tokenizer the actor resolver reuses (a blank one is built when None). ``model``:
    the learned trigger model (:class:`~newsevents.learned.TriggerModel`), ``"packaged"`` for the one shipped for
    the language (none when there is none), or None to code with the rules alone
    (:mod:`newsevents.engine.learned_stage`).
    """

    def __init__(self, data: LanguageData, coder_info: Coder | None = None, *, actors=None, dates=None,
                 places=None, nlp=None, model=None):
        self.data = data
        self.lang = data.lang
        self.lex: Lexicon = data.cached("lexicon", Lexicon.from_data)
        self.cameo = load_cameo()
        self.coder_info = coder_info
        if actors is None:
            from ..actors import ActorResolver

            actors = data.cached("actor_resolver", lambda d: ActorResolver(d, nlp=nlp))
        if dates is None:
            from ..dates import DateResolver

            dates = data.cached("date_resolver", DateResolver)
        if places is None:
            from ..places import PlaceResolver

            places = data.cached("place_resolver", PlaceResolver)
        self.actors, self.dates, self.places = actors, dates, places
        self._reporting = self.lex.cue("reporting_verbs")
        self._intent_verbs = self.lex.cue("intent_verbs")
        self._intent_nouns = self.lex.cue("intent_nouns")
        self.model = data.cached("trigger_model", lambda d: packaged_model(d.lang)) if model == PACKAGED else model
        self._synthetic_slots = synthetic_slots(self.lex)
        self._repair_methods = self._repair_list()
        self.candidate_stages = list(CANDIDATE_STAGES)  # fn(coder, SentenceState); a stage may be inserted
        self.candidate_stages.insert(self.candidate_stages.index(match_triggers) + 1, learned_triggers)

    def _case_of(self, tok) -> str | None:
        """The preposition or clause mark of ``tok`` (:func:`~newsevents.engine.syntax.case_of`), read with this
        language's case and clause-marker labels (``syntax.yaml`` ``relations``)."""
        rel = self.lex.rel
        return case_of(tok, (rel.case_marker, rel.clause_marker))

    def code(self, article: Article, docs: Iterable[tuple[int, object]], trace: Trace | None = None) -> list[Event]:
        """Code one article. ``docs`` yields (character offset in ``article.text``, spaCy Doc) pairs in order.
        Returns events in text order; ids are deterministic. With a ``trace``
        (:class:`~newsevents.engine.trace.Trace`), every candidate and each rule that fired on it or dropped it
        is recorded there."""
        context = self.actors.article(article.published)
        events: list[Event] = []
        seen: set[str] = set()
        last_attribution: Attribution | None = None
        mentions: list = []  # every actor mention of the article so far, in text order
        coded: list = []  # the Docs whose array views are dropped when the article is done (below)
        try:
            for offset, doc in docs:
                coded.append(doc)
                use_contractions(doc, self.lex.contractions)
                self._repair(doc)
                build_view(doc)  # the parse is final: rules may read it as arrays (newsevents.docview)
                mentions.extend(context.add_doc(doc, offset))
                context.add_places(self._place_countries(doc, offset))
                last_attribution = None  # a source named in one paragraph is not carried into the next
                for sent in doc.sents:
                    sent_events, attribution = self._code_sentence(article, context, sent, offset,
                                                                   last_attribution, mentions, trace)
                    if attribution is not None and attribution.sector == "MED":
                        last_attribution = attribution  # a news agency stays the source of its paragraph
                    for event in sent_events:
                        if event.id not in seen:
                            seen.add(event.id)
                            events.append(event)
            return self._narrative_dates(self._recipientless_repeats(events, trace))
        finally:  # a view keeps Tokens and Spans of its Doc: left in the view table, they would keep the Doc alive
            for doc in coded:
                drop_view(doc)
