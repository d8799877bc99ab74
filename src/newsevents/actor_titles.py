"""Who a named person is by the words around the name: the title they are named with ("le président Bush", "U.N.
Secretary-General Kofi Annan"), a sector noun the name hangs on, words saying they left office ("former"), a
name apposed to a title phrase. A mixin of :class:`newsevents.actors.ArticleActors`, split out of ``actors.py``;
the words are the language's ``agents.yaml`` lists (``titles``, ``former_words``, ``person_nouns``)."""
from __future__ import annotations

from .actor_data import _AGENT_ROLES, ActorEntry, Mention, _DocInfo, fold


class _PersonTitles:
    """Title, sector-noun and apposition readings of person mentions; needs ``self.resolver`` (an
    :class:`~newsevents.actors.ActorResolver`)."""

    @staticmethod
    def _apposed_name(info: _DocInfo, head, end: int) -> Mention | None:
        """A person or organisation named right after the phrase (after a comma or not), when the parser made
        it a sibling rather than an apposition ("Le président russe, Vladimir Poutine, a ...": two subjects;
        "le groupe pétrolier Total")."""
        doc = head.doc
        at = end + 1 if end < len(doc) and doc[end].text == "," else end
        if at >= len(doc):
            return None
        m = info.by_token.get(at)
        if m is None or m.kind not in ("person", "org", "group", "media", "igo") or m.start != at:
            return None
        root = doc[m.start:m.end].root
        if at == end:  # "le groupe pétrolier Total", "le président Erdogan": a name glued to its title
            return None if any(c.dep_ == "case" for c in root.children) else m
        if root.head.i == head.head.i or root.head.i == head.i or root.i == head.head.i:
            return m
        return None

    @staticmethod
    def _sector_noun_of(info: _DocInfo, head, m: Mention) -> Mention:
        """When the person, country or demonym that carries a phrase's country hangs on a sector noun inside the
        phrase ("le déploiement de soldats russes", "une déclaration du président Reagan", "des hommes de la
        katiba du Macina"), that sector noun's mention, so the phrase gets its sector too; else ``m``."""
        if m.kind not in ("person", "demonym", "country", "region", "capital", "contextual"):
            return m
        doc = head.doc
        t = doc[m.start:m.end].root.head
        if t.i == head.i:
            return m
        tm = info.by_token.get(t.i)
        entry = info.entries.get(tm.start) if tm is not None else None
        if tm is None or tm.kind != "agent" or entry is None or entry.role not in _AGENT_ROLES or not entry.sector \
                or tm.start <= head.i < tm.end:  # the phrase's own sector noun ("candidats de l'opposition")
            return m
        return tm

    @staticmethod
    def _title_before(info: _DocInfo, start: int, end: int) -> ActorEntry | None:
        """The title (agents.yaml ``titles``) a name [start, end) is apposed to, when the parse made the name
        the phrase's head: its head before it ("le président Bush"), a title compound on it (English "President
        Bush"), or the phrase just before a comma ("le chef de l'Etat, Laurent Gbagbo"); None when there is
        none."""
        doc = info.doc
        root = doc[start:end].root
        options = []
        if root.dep_ in ("appos", "flat:name", "nmod", "flat", "compound") and root.head.i < start:
            options.append(root.head)
        options += [c for c in root.children if c.i < start and c.dep_ in ("appos", "nmod", "obl:mod", "compound")]
        options += [c for c in root.children if c.i >= end and c.dep_ == "appos"]  # "Kofi Annan, UN secretary-general"
        if start >= 2 and doc[start - 1].text == ",":
            prev = doc[start - 2]
            while prev.pos_ in ("ADJ", "PROPN", "NOUN") and prev.head.i < prev.i and prev.i - prev.head.i < 6 \
                    and getattr(info.by_token.get(prev.i), "kind", "") != "agent":
                prev = prev.head  # "le chef de l'Etat ivoirien, X": from "ivoirien" up to the title
            options.append(prev)
        for t in options:
            tm = info.by_token.get(t.i)
            entry = info.entries.get(tm.start) if tm is not None else None
            if tm is not None and tm.kind == "agent" and entry is not None and entry.role == "titles":
                return entry
        return None

    def _person_sector(self, info: _DocInfo, m: Mention) -> str:
        """The sector of a person mention ``m`` in its sentence: its dated sector, or the sector of the title it
        is named with when it is out of every role or has no sector of its own ("le chef de l'Etat, Laurent
        Gbagbo"; "U.N. Secretary-General Kofi Annan": IGO GOV); ELI when the words before it say the person
        has left office ("Ousted President Askar Akayev"; agents.yaml ``former_words``)."""
        sector = m.sector
        if sector in ("ELI", ""):
            title = self._title_before(info, m.start, m.end) or self._title_inside(info, m)
            if title is not None:
                sector = self._titled_sector(sector, "titles", title.sector, title.word)
        if sector not in ("", "ELI") and self._former_before(info, m.start):
            sector = "ELI"
        return sector

    def _title_inside(self, info: _DocInfo, m: Mention) -> ActorEntry | None:
        """The title a person's dictionary name begins with ("President Reagan", an alias of Ronald Reagan): the
        longest run of the mention's words, short of the last, that is an agents.yaml ``titles`` entry ("UN
        Secretary-General Ban Ki-Moon"); None when there is none."""
        words = tuple(fold(t.text) for t in info.doc[m.start:m.end])
        for first in range(len(words) - 1):
            for n in range(len(words) - 1, first, -1):
                for entry, _ in self.resolver._candidates.get(words[first:n], ()):
                    if entry.kind == "agent" and entry.role == "titles":
                        return entry
        return None

    def _former_before(self, info: _DocInfo, start: int) -> bool:
        """Whether the words of the name's phrase before token ``start`` say the person has left office
        (agents.yaml ``former_words``: "former", "ousted", "ex-"), as in "Former Socialist prime minister
        Andreas Papandreou". Scans back over adjectives, nouns and names (at most 6 words)."""
        former = self.resolver.former_words
        if not former:
            return False
        doc = info.doc
        for i in range(start - 1, max(start - 7, -1), -1):
            tok = doc[i]
            if fold(tok.text) in former:
                return True
            if tok.pos_ not in ("ADJ", "PROPN", "NOUN", "VERB") or tok.text == ",":
                return False
        return False

    @staticmethod
    def _people(head) -> bool:
        """Whether a demonym noun denotes some people of that nationality, not the state, besides the indefinite
        plurals of ``_INDEFINITE_PLURAL``: one person ("un Iranien") or a clause that describes them ("les
        Palestiniens vivant en Cisjordanie", "aux Iraniens qui manifestent"); those are civilians (CVL). A
        definite plural ("les Américains") or a headline's bare plural ("Russes et Ukrainiens négocient") may
        stand for the country and keeps no sector."""
        if any(c.dep_ == "det" and fold(c.text) in ("un", "une") for c in head.children):
            return True
        return any(c.dep_ in ("acl", "acl:relcl") for c in head.children)

    def _titled_sector(self, person_sector: str, role: str, sector: str, word: str = "") -> str:
        """The sector of a person named with a title ("le président Bush", "le général Aoun"): the person's
        dated sector, except that a person out of every role (``ELI`` by the publication date) who is given a
        present title in the text takes the title's sector: the text speaks of the time they held it. Generic
        words for a leader (agents.yaml ``person_nouns``: "le dirigeant de droite X") are no such title."""
        if person_sector in ("ELI", "") and role == "titles" and sector not in ("", "ELI") \
                and word not in self.resolver.person_nouns:
            return sector
        return person_sector
