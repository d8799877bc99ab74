"""Made-up reports of a few invented events by several invented outlets, hand-coded, for the cluster tests.

Real-world events (what the clustering should find):

- E1, the visit: SENGOV meets CIVGOV in Dakar on 2024-05-16 (a Thursday). Reported by the wire text W1
  reprinted word for word by "Le Quotidien" (q1) and "La Gazette" (g1), and rewritten by "Radio Ouest" (r1),
  which gives no date (publication-date fallback, published the next day).
- E2, the protest: teachers (SENCVL) protest in Dakar on 2024-05-16: reported in q1 (second sentence of the
  wire) and g1 (its copy).
- Near misses, each its own event: another SENGOV-CIVGOV meeting, in Abidjan on 2024-06-20 (q2); a SENGOV
  meeting with MLIGOV the same day in Dakar (g2); a teachers' protest in Saint-Louis on 2024-05-16 (r2).

Offsets come from ``str.index`` on the texts written here.
"""
from __future__ import annotations

from newsevents.records import Article, DocumentResult, EventDate, Location

from store_samples import day, ent, event, span

WIRE = ("Le président sénégalais a reçu jeudi à Dakar le Premier ministre ivoirien pour parler de sécurité "
        "régionale et de commerce entre les deux pays voisins. Des enseignants ont manifesté jeudi à Dakar "
        "pour réclamer le paiement de leurs primes en retard depuis plusieurs mois.")
R1 = ("Visite officielle : le chef de l'Etat sénégalais s'est entretenu avec le Premier ministre ivoirien, "
      "a indiqué la présidence à Dakar, sans donner d'autres détails sur le contenu des discussions.")
Q2 = ("Le président sénégalais a rencontré le 20 juin à Abidjan le Premier ministre ivoirien, "
      "un mois après leur premier entretien.")
G2 = "Le président sénégalais a aussi reçu jeudi à Dakar le chef de la diplomatie malienne."
R2 = "A Saint-Louis, des enseignants ont manifesté jeudi devant le rectorat."

DAKAR = (2253354, "Dakar", "SEN", 14.69, -17.44)
ABIDJAN = (2293538, "Abidjan", "CIV", 5.36, -4.01)
SAINT_LOUIS = (2246452, "Saint-Louis", "SEN", 16.02, -16.49)


def place(text: str, words: str, where: tuple) -> Location:
    gid, name, country, lat, lon = where
    return Location(words, span(text, words), name, country, lat, lon, gid, "city")


def _visit(doc_id: str, text: str, trigger: str, actor: str, recipient: str, date: EventDate, loc) -> object:
    return event(doc_id, text, trigger, "CONSULT", "042", (ent(text, "SEN", "GOV", actor),),
                 (ent(text, "CIV", "GOV", recipient),), date, location=loc)


def _protest(doc_id: str, text: str, where: tuple, city: str) -> object:
    return event(doc_id, text, "ont manifesté", "PROTEST", "141", (ent(text, "SEN", "CVL", "enseignants"),), (),
                 day("2024-05-16", "jeudi", text), goldstein=-6.5, quad_class=3, location=place(text, city, where))


def wire_events(doc_id: str) -> list:
    return [
        _visit(doc_id, WIRE, "a reçu", "Le président sénégalais", "le Premier ministre ivoirien",
               day("2024-05-16", "jeudi", WIRE), place(WIRE, "Dakar", DAKAR)),
        _protest(doc_id, WIRE, DAKAR, "Dakar"),
    ]


def cluster_results() -> list[DocumentResult]:
    """Six documents, eight events (see the module docstring); the expected clusters are :data:`EXPECTED`."""
    r1 = _visit("r1", R1, "s'est entretenu", "le chef de l'Etat sénégalais", "le Premier ministre ivoirien",
                EventDate("2024-05-17", None, None, "publication"), place(R1, "Dakar", DAKAR))
    q2 = _visit("q2", Q2, "a rencontré", "Le président sénégalais", "le Premier ministre ivoirien",
                day("2024-06-20", "le 20 juin", Q2), place(Q2, "Abidjan", ABIDJAN))
    g2 = event("g2", G2, "a aussi reçu", "CONSULT", "042", (ent(G2, "SEN", "GOV", "Le président sénégalais"),),
               (ent(G2, "MLI", "GOV", "le chef de la diplomatie malienne"),), day("2024-05-16", "jeudi", G2),
               location=place(G2, "Dakar", DAKAR))
    docs = [
        (Article("q1", WIRE, "2024-05-16", "fr", "Visite et grève", None, "Le Quotidien"), wire_events("q1")),
        (Article("g1", WIRE, "2024-05-17", "fr", "Visite et grève", None, "La Gazette"), wire_events("g1")),
        (Article("r1", R1, "2024-05-17", "fr", "Visite", None, "Radio Ouest"), [r1]),
        (Article("q2", Q2, "2024-06-21", "fr", "Nouvelle visite", None, "Le Quotidien"), [q2]),
        (Article("g2", G2, "2024-05-17", "fr", "Mali", None, "La Gazette"), [g2]),
        (Article("r2", R2, "2024-05-17", "fr", "Grève", None, "Radio Ouest"), [_protest("r2", R2, SAINT_LOUIS,
                                                                                          "Saint-Louis")]),
    ]
    return [DocumentResult(article, events=tuple(events)) for article, events in docs]


EXPECTED = {
    # (event type, frozenset of (doc_id, event words)) per real-world event
    ("CONSULT", frozenset({("q1", "a reçu"), ("g1", "a reçu"), ("r1", "s'est entretenu")})),
    ("PROTEST", frozenset({("q1", "ont manifesté"), ("g1", "ont manifesté")})),
    ("CONSULT", frozenset({("q2", "a rencontré")})),
    ("CONSULT", frozenset({("g2", "a aussi reçu")})),
    ("PROTEST", frozenset({("r2", "ont manifesté")})),
}
"""The five real-world events of :func:`cluster_results`, each as its type and its mentions."""
