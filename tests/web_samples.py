"""Made-up French documents and hand-coded events for the web explorer tests (test_web*.py).

Offsets are found with ``str.index`` on the texts written here, so they always point at the words named.
"""
from __future__ import annotations

from newsevents.records import Article, Attribution, DocumentResult, Entity, Event, EventDate, Location

DOC1 = ("Le président français a rencontré mardi le chancelier allemand à Berlin, selon l'AFP. "
        "Les deux dirigeants ont promis une aide militaire à l'Ukraine.")
DOC2 = "Moscou a accusé Kiev d'avoir bombardé Donetsk le 3 février 2024, affirme l'agence TASS."
SCRIPT = "<script>alert('piège')</script>"
DOC3 = f"{SCRIPT} Le gouvernement malien a condamné l'attaque contre Bamako."


def span(text: str, words: str, start: int = 0) -> tuple[int, int]:
    i = text.index(words, start)
    return (i, i + len(words))


def sentence_of(text: str, words: str) -> tuple[str, tuple[int, int]]:
    i = text.index(words)
    a = text.rfind(". ", 0, i)
    a = 0 if a < 0 else a + 2
    b = text.find(".", i)
    b = len(text) if b < 0 else b + 1
    return text[a:b], (a, b)


def ent(text: str, code: str, sector: str, words: str, name: str | None = None) -> Entity:
    return Entity(code, sector, words, span(text, words), name)


def event(doc_id: str, text: str, *, event_type: str, cameo: str, goldstein: float, quad: int, actor, recipient,
          words: str, modality: str = "asserted", date: EventDate | None = None, location: Location | None = None,
          attribution: Attribution | None = None) -> Event:
    sentence, sspan = sentence_of(text, words)
    return Event(doc_id=doc_id, event_type=event_type, cameo_code=cameo, mode="", context="", goldstein=goldstein,
                 quad_class=quad, actor=tuple(actor), recipient=tuple(recipient), modality=modality,
                 event_text=words, event_span=span(text, words), sentence=sentence, sentence_span=sspan, lang="fr",
                 date=date or EventDate(None, None, None, "publication"), attribution=attribution,
                 location=location)


def sample_results() -> list[DocumentResult]:
    """Three documents, five events: FRA-DEU consultation in Berlin (with attribution and date), FRA+DEU aid
    to UKR (intended), RUS accuses UKR, UKR assault alleged by TASS, MLI government accusation (the document
    starts with a <script> element)."""
    t1, t2, t3 = DOC1, DOC2, DOC3
    e1 = event("doc1", t1, event_type="CONSULT", cameo="040", goldstein=1.0, quad=1,
               actor=[ent(t1, "FRA", "GOV", "président français", "Emmanuel Macron")],
               recipient=[ent(t1, "DEU", "GOV", "chancelier allemand")], words="a rencontré",
               date=EventDate("2024-01-16", "mardi", span(t1, "mardi"), "day"),
               location=Location("Berlin", span(t1, "Berlin"), "Berlin", "DEU", 52.52, 13.405, 2950159, "city"),
               attribution=Attribution("selon l'AFP", span(t1, "selon l'AFP"), "FRA", "MED"))
    e2 = event("doc1", t1, event_type="AID", cameo="070", goldstein=7.0, quad=2,
               actor=[ent(t1, "FRA", "GOV", "président français"), ent(t1, "DEU", "GOV", "chancelier allemand")],
               recipient=[ent(t1, "UKR", "", "l'Ukraine")], words="ont promis une aide militaire",
               modality="intended", date=EventDate("2024-01-16", None, None, "publication"))
    e3 = event("doc2", t2, event_type="ACCUSE", cameo="112", goldstein=-2.0, quad=3,
               actor=[ent(t2, "RUS", "GOV", "Moscou")], recipient=[ent(t2, "UKR", "GOV", "Kiev")],
               words="a accusé", date=EventDate("2024-02-03", "le 3 février 2024", span(t2, "le 3 février 2024"),
                                                "day"),
               attribution=Attribution("affirme l'agence TASS", span(t2, "affirme l'agence TASS"), "RUS", "MED"))
    e4 = event("doc2", t2, event_type="ASSAULT", cameo="195", goldstein=-10.0, quad=4,
               actor=[ent(t2, "UKR", "GOV", "Kiev")], recipient=[], words="bombardé", modality="alleged",
               date=EventDate("2024-02-03", "le 3 février 2024", span(t2, "le 3 février 2024"), "day"),
               location=Location("Donetsk", span(t2, "Donetsk"), "Donetsk", "UKR", 48.0159, 37.8028, 709717, "city"))
    e5 = event("doc3", t3, event_type="ACCUSE", cameo="111", goldstein=-2.0, quad=3,
               actor=[ent(t3, "MLI", "GOV", "gouvernement malien")], recipient=[], words="a condamné",
               date=EventDate("2024-03-10", None, None, "publication"),
               location=Location("Bamako", span(t3, "Bamako"), "Bamako", "MLI", 12.65, -8.0, 2460596, "city"))
    return [
        DocumentResult(Article("doc1", t1, "2024-01-16", "fr", "Rencontre à Berlin", None, "Agence test"), (e1, e2)),
        DocumentResult(Article("doc2", t2, "2024-02-04", "fr", None, None, "Dépêches test"), (e3, e4)),
        DocumentResult(Article("doc3", t3, "2024-03-10", "fr", "Attaque <b>Bamako</b>", None, "Journal test"), (e5,)),
    ]


def sample_store(path: str = ":memory:"):
    """A read-write :class:`~newsevents.store.Store` holding :func:`sample_results`."""
    from newsevents.store import Store

    store = Store(path)
    report = store.ingest(sample_results())
    assert not report.errors, report.errors
    return store
