"""Made-up French documents and hand-coded events for the store, export, evaluate and CLI tests.

Offsets come from ``str.index`` on the texts written here, so they always point at the words named.
"""
from __future__ import annotations

import dataclasses

from newsevents.records import Article, Attribution, DocumentResult, Entity, Event, EventDate, Location

TEXT_A = ("Le ministre russe des Affaires étrangères a rencontré mardi son homologue nord-coréen à Pyongyang. "
          "Selon l'agence KCNA, la Russie aurait livré des missiles à la Corée du Nord en janvier.")
TEXT_B = ("Paris et Berlin ont condamné vendredi les frappes de l'armée russe contre Kiev. "
          "Le gouvernement ukrainien a demandé une aide militaire du 3 au 5 mars.")
TEXT_C = "Le Mali a expulsé l'ambassadeur de France, a annoncé la télévision d'État le 2 mars 2024."


def span(text: str, words: str) -> tuple[int, int]:
    i = text.index(words)
    return (i, i + len(words))


def sentence_of(text: str, words: str) -> tuple[str, tuple[int, int]]:
    i = text.index(words)
    a = text.rfind(". ", 0, i)
    a = 0 if a < 0 else a + 2
    b = text.find(".", i) + 1
    return text[a:b], (a, b)


def ent(text: str, code: str, sector: str, words: str, name: str | None = None) -> Entity:
    return Entity(code, sector, words, span(text, words), name)


def event(doc_id: str, text: str, trigger: str, event_type: str, cameo: str, actor: tuple, recipient: tuple,
          date: EventDate, modality: str = "asserted", goldstein: float | None = 0.0, quad_class: int | None = 1,
          attribution: str | None = None, location: Location | None = None, **extra) -> Event:
    sentence, sspan = sentence_of(text, trigger)
    att = Attribution(attribution, span(text, attribution), "PRK", "MED") if attribution else None
    return Event(doc_id=doc_id, event_type=event_type, cameo_code=cameo, mode="", context="", goldstein=goldstein,
                 quad_class=quad_class, actor=actor, recipient=recipient, modality=modality, event_text=trigger,
                 event_span=span(text, trigger), sentence=sentence, sentence_span=sspan, lang="fr", date=date,
                 attribution=att, location=location, **extra)


def day(value: str, words: str | None = None, text: str | None = None) -> EventDate:
    return EventDate(value, words, span(text, words) if words else None, "day")


def sample_results() -> list[DocumentResult]:
    """Three documents, five events (hand-coded):

    a (published 2024-01-18): CONSULT 040 RUSGOV -> PRKGOV on 2024-01-16 (asserted, Pyongyang 39.03/125.75,
      Goldstein 1.0, quad 1); AID 070 RUS -> PRKMIL in 2024-01 (alleged, "Selon l'agence KCNA", 7.0, quad 2).
    b (published 2024-03-02): ACCUSE 111 FRAGOV+DEUGOV -> RUSMIL on 2024-03-01 (compound actor, Kiev
      50.45/30.52, -2.0, quad 3); REQUEST 1033 UKRGOV -> (no recipient) over 2024-03-03/2024-03-05 (3.4, quad 1).
    c (published 2024-03-04): SANCTION 161 MLIGOV -> FRAGOV on 2024-03-02 (-4.0, quad 4).
    """
    a = [
        event("a", TEXT_A, "a rencontré", "CONSULT", "040",
              (ent(TEXT_A, "RUS", "GOV", "Le ministre russe des Affaires étrangères"),),
              (ent(TEXT_A, "PRK", "GOV", "son homologue nord-coréen"),),
              day("2024-01-16", "mardi", TEXT_A), goldstein=1.0, quad_class=1,
              location=Location("Pyongyang", span(TEXT_A, "Pyongyang"), "Pyongyang", "PRK", 39.03, 125.75,
                                1871859, "city")),
        event("a", TEXT_A, "aurait livré", "AID", "070", (ent(TEXT_A, "RUS", "", "la Russie"),),
              (ent(TEXT_A, "PRK", "MIL", "la Corée du Nord"),),
              EventDate("2024-01", "en janvier", span(TEXT_A, "en janvier"), "month"), modality="alleged",
              goldstein=7.0, quad_class=2, attribution="Selon l'agence KCNA"),
    ]
    b = [
        event("b", TEXT_B, "ont condamné", "ACCUSE", "111",
              (ent(TEXT_B, "FRA", "GOV", "Paris"), ent(TEXT_B, "DEU", "GOV", "Berlin")),
              (ent(TEXT_B, "RUS", "MIL", "l'armée russe"),), day("2024-03-01", "vendredi", TEXT_B),
              goldstein=-2.0, quad_class=3,
              location=Location("Kiev", span(TEXT_B, "Kiev"), "Kiev", "UKR", 50.45, 30.52, 703448, "city")),
        event("b", TEXT_B, "a demandé", "REQUEST", "1033", (ent(TEXT_B, "UKR", "GOV", "Le gouvernement ukrainien"),),
              (), EventDate("2024-03-03/2024-03-05", "du 3 au 5 mars", span(TEXT_B, "du 3 au 5 mars"), "interval"),
              goldstein=3.4, quad_class=1),
    ]
    c = [
        event("c", TEXT_C, "a expulsé", "SANCTION", "161", (ent(TEXT_C, "MLI", "GOV", "Le Mali"),),
              (ent(TEXT_C, "FRA", "GOV", "l'ambassadeur de France"),), day("2024-03-02", "le 2 mars 2024", TEXT_C),
              goldstein=-4.0, quad_class=4),
    ]
    return [
        DocumentResult(Article("a", TEXT_A, "2024-01-18", "fr", title="Visite", source="Agence A"), tuple(a)),
        DocumentResult(Article("b", TEXT_B, "2024-03-02", "fr", url="https://example.org/b", source="Journal B"),
                       tuple(b)),
        DocumentResult(Article("c", TEXT_C, "2024-03-04", "fr", source="Radio C"), tuple(c)),
    ]


def replace_event(e: Event, **changes) -> Event:
    """A changed copy with a fresh id."""
    return dataclasses.replace(e, id="", **changes)
