"""The roles stage of the rulebook: every named rule that finds, checks or drops an event's actor and recipient,
in the order they run (registered in :data:`~newsevents.engine.rulebook.REGISTRY`; this module is imported by
:mod:`newsevents.engine.rulebook` and needs no import of its own).

Each function is a thin adapter from the rule interface (:mod:`newsevents.engine.rules`) to the coder's
predicate or finder that does the work; its docstring gives one example sentence and the rule's effect.
"""
from __future__ import annotations

from dataclasses import replace

from .frames import (
    IMPLIED_ACTOR_ROOTS, PLACE_RECIPIENT_CODES, PLACE_RECIPIENT_ROOTS, STATE_ACT_ROOTS, Trigger,
)
from .rulebook import _add  # the rulebook imports this module once ``_add`` exists

ASSAILANT_CODES = frozenset({"182", "185", "186"})
"""CAMEO codes of assaults on persons (beating, sexual assault, assassination and its attempt) whose unnamed
author is taken for someone of the place (``unnamed_assailant``)."""

CONSULT_ROOT = "04"
"""CAMEO root of consultations: one needs a counterpart (``lone_meeting``)."""

VISIT_CODES = frozenset({"042", "043"})
"""CAMEO codes of a visit made and hosted: visitor -> host, never without a host (``lone_meeting``)."""

GIVEN_ROOTS = frozenset({"06", "07"})
"""CAMEO roots of acts given to or shared with a party (cooperation, aid): never without a recipient
(``recipientless_aid``; the tune, Le Monde and PLOVER GSR golds give every such event a target)."""

PROTEST_ROOT = "14"
"""CAMEO root of protests: with nobody named, their implied actor is the people of the place (``implied_actor``)."""


# -- roles: actor and recipient ------------------------------------------------------------------------------

@_add("roles", "step", "participants")
def participants(coder, c, s) -> bool:
    """"La Russie a attaqué l'Ukraine": the subject is the actor (RUS), the object the recipient (UKR)."""
    c.actors, c.recipients = coder._participants(c.trig, s.context)
    return False


@_add("roles", "step", "shared_noun_modifiers")
def shared_noun_modifiers(coder, c, s) -> bool:
    """"les tirs de roquettes et frappes israéliennes sur Gaza": the second noun "frappes" shares the modifiers
    the parser hung on the first one after it (ISR MIL -> PSE), when it has no participant of its own."""
    if c.actors and c.recipients:
        return False
    actors, recipients = coder._shared_noun_modifiers(c.trig, s.context, s.offset)
    fired = False
    if actors and not c.actors:
        c.actors, fired = actors, True
    if recipients and not c.recipients:
        c.recipients, fired = recipients, True
    return fired


@_add("roles", "actors", "accused_actor")
def accused_actor(coder, c, s):
    """"Kiev a bombardé Donetsk. Moscou l'accuse de viser des civils": the one accused (UKR) is the actor of
    "viser"."""
    if c.trig.is_noun:
        return ()
    charge = coder._charging_verb(c.trig.token, s.by_token)
    return s.charged.get(charge.token.i, ()) if charge is not None else ()


@_add("roles", "drop", "frame_sectors")
def frame_sectors(coder, c, s) -> bool:
    """"l'opposition a protesté contre le gouvernement": when the actors do not fit the frame's sectors (the
    protest frame wants civilians, workers or students) the next fitting frame is tried (criticism, 111;
    participants found again); with none the candidate is dropped. A protest with nobody named is kept
    for ``implied_actor`` (the people of the place)."""
    trig = c.trig
    if coder._frame_fits(trig.frame, trig.token, c.actors, s.context):
        return False
    if not c.actors and trig.frame.cameo[:2] == PROTEST_ROOT and not trig.frame.needs_actor_patient:
        return False  # "une vague de protestations": nobody named; the implied actor is of the frame's sector
    alt = next(((f, o) for f, o in trig.alternatives if coder._frame_fits(f, trig.token, c.actors, s.context)), None)
    if alt is None:
        return True
    c.trig = Trigger(trig.token, alt[0], alt[1], trig.is_noun)
    c.actors, c.recipients = coder._participants(c.trig, s.context)
    s.note(c.trig, "frame_sectors", "fired", f"frame {alt[0].lemma} {alt[0].cameo}")
    return False


@_add("roles", "step", "swapped_roles")
def swapped_roles(coder, c, s) -> bool:
    """"a reçu la visite du chancelier allemand": a frame marked ``swap`` exchanges actor and recipient."""
    if not c.trig.frame.swap:
        return False
    c.actors, c.recipients = c.recipients, c.actors
    return True


@_add("roles", "step", "answered_request")
def answered_request(coder, c, s) -> bool:
    """"a rejeté l'appel de l'ONU": the recipient of the response is the author of the request."""
    act = s.answered.get(c.trig.token.i)
    if act is None:
        return False
    c.actors, c.recipients = coder._answer_participants(c.trig, act, s.context, c.actors, c.recipients)
    return True


@_add("roles", "step", "absorbed_acts")
def absorbed_acts(coder, c, s) -> bool:
    """"a promis d'aider le Liban": the acts absorbed by the trigger ("aider") are kept for the fallbacks and
    the recoding below (a promise of aid, 033)."""
    c.inner = s.absorbed.get(c.trig.token.i, [])
    c.own_recipients = bool(c.recipients)  # named in the trigger's own slots ("convenu avec X")
    return False


@_add("roles", "step", "called_protest")
def called_protest(coder, c, s) -> bool:
    """"la CGT appelle à manifester samedi": a call (CAMEO 10) to a protest act it absorbed, not negated, is that
    protest, by the caller (FRA LAB), as the gold codes it (tune: the 4 calls to protest, "appelle à manifester",
    "appelle les citoyens à continuer de manifester", are coded as the protest 141 by the caller, never as a
    request); the protest trigger then takes the call's place and finds its own recipients below. A call not to
    protest ("appelle à ne pas manifester") and a call to the people of another country ("Washington a exhorté
    les Guatémaltèques à manifester pacifiquement") stay requests."""
    if c.trig.is_noun or c.trig.frame.cameo[:2] != "10" or not c.actors:
        return False
    known = [(a.code, r.code) for r in c.recipients for a in c.actors if a.code != "---" and r.code != "---"]
    if any(actor != called for actor, called in known):
        return False
    protest = next((sub for sub in c.inner if not sub.is_noun and sub.frame.cameo[:2] == PROTEST_ROOT
                    and not coder._negated(sub, sub.token)), None)
    if protest is None:
        return False
    c.trig, c.inner, c.recipients, c.own_recipients = protest, [], (), False
    return True


@_add("roles", "recipients", "hit_target")
def hit_target(coder, c, s):
    """"D'autres frappes ont touché la ville de Kharkiv": the target of an attack noun is what the attack struck or
    who is called its target or victim (UKR); the attack is then coded with no actor named."""
    found = coder._hit_target(c.trig, s.context, s.offset)
    c.struck = bool(found)
    return found


@_add("roles", "recipients", "demanded_of")
def demanded_of(coder, c, s):
    """"a exigé que la Russie retire ses troupes d'Ukraine": the recipient is who is to act (RUS)."""
    if c.trig.frame.cameo[:2] == "10" and any(not sub.is_noun for sub in c.inner):
        return coder._demanded_of(c.inner, c.actors, s.context)
    return ()


@_add("roles", "recipients", "captor")
def captor(coder, c, s):
    """"demande la libération de deux Français détenus en Iran": the recipient is the captor (IRN GOV)."""
    if c.trig.frame.cameo[:2] == "10":
        return coder._captor(c.inner, c.actors, s.context)
    return ()


@_add("roles", "recipients", "protesters_of")
def protesters_of(coder, c, s):
    """"a empêché la manifestation organisée par des étudiants": the recipient is the organisers."""
    if c.trig.obj is not None:
        return coder._protesters_of(c.trig, s.by_token, s.context, c.actors)
    return ()


@_add("roles", "recipients", "que_clause_subject")
def que_clause_subject(coder, c, s):
    """"a exigé que le Japon renonce à ses essais": the recipient is the subject of the "que" clause."""
    if c.trig.frame.cameo[:2] == "10":
        return coder._que_clause_subject(c.trig.token, s.context, c.actors)
    return ()


@_add("roles", "recipients", "absorbed_recipient")
def absorbed_recipient(coder, c, s):
    """"a promis de livrer des armes au Niger": the recipient of the absorbed act (NER)."""
    for sub in c.inner:
        if coder._under_modifier(sub.token, c.trig.token):  # "l'exigence de respecter les accords conclus
            continue  # avec Israël": a participle describing a noun gives no recipient
        found = coder._participants(sub, s.context)[1]
        if found:
            return found
    return ()


@_add("roles", "recipients", "complement_recipient")
def complement_recipient(coder, c, s):
    """"a menacé d'interrompre les négociations si les Etats-Unis ne retirent pas leurs missiles": the
    complement of a demand or threat names the recipient (USA)."""
    if c.trig.frame.absorbs or c.trig.frame.cameo[:2] == "13":
        return coder._complement_recipient(c.trig.token, s.context, c.actors)
    return ()


@_add("roles", "recipients", "threatened_place")
def threatened_place(coder, c, s):
    """"Ankara promet une nouvelle offensive à Alep": the recipient of a threat is the place threatened (SYR)."""
    if c.trig.frame.cameo[:2] == "13":
        return coder._threatened_place(c.trig, c.inner, c.actors, s.offset)
    return ()


@_add("roles", "step", "reciprocal")
def reciprocal(coder, c, s) -> bool:
    """"la France est convenue avec l'Allemagne de renforcer leur coopération": a reciprocal verb is two-way
    with its own partner (or none); "sont convenus de fournir une aide à X" is the actors' pledge to X, one way."""
    c.reciprocal = c.trig.frame.reciprocal and (c.own_recipients or not c.recipients)
    return c.reciprocal


@_add("roles", "recipients", "demanded_doer")
def demanded_doer(coder, c, s):
    """"exige le retrait des troupes françaises": the recipient is the doer of the act demanded (FRA)."""
    if c.trig.frame.cameo[:2] != "10":
        return ()
    found = ()
    for sub in c.inner:
        doers = coder._participants(sub, s.context)[0]
        found = tuple(d for d in doers if d.code not in {a.code for a in c.actors})
        if found:
            break
    return found


@_add("roles", "recipients", "demanded_of_object")
def demanded_of_object(coder, c, s):
    """"exigent la démission du président": the recipient is the object's "de" complement."""
    if c.trig.frame.cameo[:2] == "10" and not c.trig.is_noun:
        return coder._demanded_of_object(c.trig.token, c.actors, s.context)
    return ()


@_add("roles", "recipients", "sentenced")
def sentenced(coder, c, s):
    """"L'opposant russe a été condamné à huit ans de prison": the prison term falls on the one sentenced, the
    recipient of the verb it complements (RUS OPP), not on the place."""
    return coder._sentenced_recipients(c.trig, s.named_recipients)


@_add("roles", "recipients", "object_phrase_recipient")
def object_phrase_recipient(coder, c, s):
    """"launched artillery, mortar, and rocket fire against Ugandan positions": with the cue list
    ``object_phrase_preps`` (English), a party named in a complement with one of these prepositions of the
    verb's object, of its conjuncts or of their "of" complements ("welcomed the resumption of ties with X") is
    the recipient (PETRARCH's first actor after the verb, within the object phrase); so is one with a recipient
    preposition of the frame on the complement noun that selected the frame ("advised against travel to
    Tunisia")."""
    preps = coder.lex.cues.get("object_phrase_preps")
    if not preps or c.trig.is_noun:
        return ()
    return coder._object_phrase_recipient(c.trig, preps, s.context, c.actors)


@_add("roles", "recipients", "place_recipient")
def place_recipient(coder, c, s):
    """"des manifestations ont eu lieu en Iran": protests, strikes, arrests... target the
    place they happen (IRN GOV)."""
    cameo = c.trig.frame.cameo
    if cameo[:2] in PLACE_RECIPIENT_ROOTS or cameo[:3] in PLACE_RECIPIENT_CODES:
        return coder._place_sector(cameo[:2], coder._recipient_from_place(c.trig, s.sent, s.context, c.actors,
                                                                          s.offset))
    return ()


@_add("roles", "actors", "announcing_reporter")
def announcing_reporter(coder, c, s):
    """"Moscou a prévenu qu'en cas de refus, les contrats seront arrêtés": the actor is the one who announced it."""
    tok = c.trig.token
    if c.trig.is_noun or not coder._passive(tok) or not coder._conditioned(tok) or not coder._self_announced(tok):
        return ()
    reporter = next((x for x in tok.head.children if x.dep_ in coder.lex.label("subjects")), None)
    return coder._resolve_subject(reporter, s.context) if reporter is not None else ()


@_add("roles", "actors", "charging_party")
def charging_party(coder, c, s):
    """"l'arrestation de deux enseignants accusés d'espionnage": who arrests them accuses them."""
    rel = coder.lex.rel
    if c.trig.frame.cameo == "112" and not c.trig.is_noun and c.trig.token.dep_ == rel.adnominal_clause:
        return coder._charging_party(c.trig, s.by_token, s.context)
    return ()


@_add("roles", "actors", "sentencing_actor")
def sentencing_actor(coder, c, s):
    """"L'ancien chef rebelle libérien a été condamné à la réclusion par la cour d'assises de Paris": the prison
    term is imposed by whoever convicted, the actor of the verb it complements (FRA JUD), not a court of the
    convicted's country."""
    return coder._sentencing_actors(c.trig, s.named_actors)


@_add("roles", "actors", "means_actor")
def means_actor(coder, c, s):
    """"Four children were killed in an Israeli air strike": the nationality of the means is the actor (ISR), for
    the languages with the cue list ``means_preps``."""
    return coder._means_actor(c.trig, s.context)


@_add("roles", "actors", "implied_actor")
def implied_actor(coder, c, s):
    """"ont été arrêtés en Russie": arrests by the authorities of the place, protests by its people; a frame's
    ``implied_actor`` sector names who acts when the text does not ("a été placé en détention provisoire": the
    courts, JUD)."""
    if c.trig.frame.implied_actor or c.trig.frame.cameo[:2] in IMPLIED_ACTOR_ROOTS:
        return coder._implied_actor(c.trig, s.sent, s.context, s.offset, c.recipients, c.trig.frame.implied_actor)
    return ()


@_add("roles", "actors", "protesters_hit")
def protesters_hit(coder, c, s):
    """"cinq manifestants ont été tués": by the police (inferred actor, sector COP)."""
    if coder._protesters_hit(c.trig):
        return coder._implied_actor(c.trig, s.sent, s.context, s.offset, c.recipients, sector="COP")
    return ()


@_add("roles", "actors", "unnamed_assailant")
def unnamed_assailant(coder, c, s):
    """"un journaliste a été agressé à Lyon": an assault, an assassination or an attempt on a person (CAMEO
    182, 185, 186) with nobody named as the attacker is ordinary crime by someone of the place (inferred
    actor, CVL: eval/ANNOTATION.md codes ordinary crime with the usual sectors); never for bombings, kidnappings
    or war, whose authors the place does not tell."""
    if c.trig.frame.cameo[:3] in ASSAILANT_CODES and any(r.code not in ("---", "IGO") for r in c.recipients):
        return coder._implied_actor(c.trig, s.sent, s.context, s.offset, c.recipients, sector="CVL")
    return ()


@_add("roles", "actors", "model_actor")
def model_actor(coder, c, s):
    """"après une attaque présumée de Boko Haram contre une caserne": an event left with no actor by the rules
    above gets the actor named in its sentence that the learned actor choice scores highest (NGA REB), when the
    coder's model has one (:func:`newsevents.engine.learned_stage.model_actor`)."""
    from .learned_stage import model_actor as choose

    return choose(coder, c, s)


@_add("roles", "drop", "model_actor_required")
def model_actor_required(coder, c, s) -> bool:
    """"Des affrontements ont fait trois morts": an event of a trigger the learned model rescued or proposed that
    still has no actor, when the actor choice requires one; dropped
    (:func:`newsevents.engine.learned_stage.actor_still_missing`)."""
    from .learned_stage import actor_still_missing

    return actor_still_missing(coder, c, s)


@_add("roles", "drop", "relative_passive")
def relative_passive(coder, c, s) -> bool:
    """"lifted a state of emergency that was imposed six months ago": with the setting
    ``relative_passive_background`` (English), a passive with no agent phrase in a relative clause (or reported
    in one: "raids in which it said 20 people were killed") describes its noun's background; dropped, with its
    conjuncts ("were killed or wounded")."""
    rel = coder.lex.rel
    tok = base = c.trig.token
    while base.dep_ == rel.conjunct and base.head.i != base.i:
        base = base.head
    if c.trig.is_noun or not coder.lex.setting("relative_passive_background") or not coder._passive(base):
        return False
    label = coder.lex.label
    if any(x.dep_ in label("passive_agent") for t in {tok, base} for x in t.children):
        return False
    clause = base.head if base.dep_ == rel.clausal_complement else base
    return clause.dep_ in label("relative_clause")


@_add("roles", "drop", "no_participants")
def no_participants(coder, c, s) -> bool:
    """"des frappes ont eu lieu": no actor and no recipient; dropped (unless the frame is ``bare``)."""
    return not c.actors and not c.recipients and not c.trig.frame.bare


@_add("roles", "drop", "actor_required")
def actor_required(coder, c, s) -> bool:
    """"le rejet des pouvoirs issus des élections a été annoncé": an act only a government performs, by nobody;
    dropped. An attack the clause names as what struck its recipient (``hit_target``) is an incident, its author
    unnamed."""
    trig = c.trig
    if trig.frame.bare:
        return False  # a frame coded without an actor (no_participants)
    return not c.actors and not c.struck and (coder._needs_actor(trig) or trig.frame.needs_actor
                                              or (trig.is_noun and trig.frame.cameo[:2] in STATE_ACT_ROOTS))


@_add("roles", "drop", "recipient_required")
def recipient_required(coder, c, s) -> bool:
    """"le président a averti" with nobody warned: a frame that needs a recipient has none; dropped."""
    return not c.recipients and c.trig.frame.needs_recipient


@_add("roles", "recipients", "conjunct_recipient")
def conjunct_recipient(coder, c, s):
    """"a soutenu la guerre russe contre l'Ukraine et aurait fourni": the second verb shares the first one's
    recipient."""
    rel = coder.lex.rel
    tok = c.trig.token
    if tok.dep_ == rel.conjunct and tok.head.i in s.named_recipients:
        return s.named_recipients[tok.head.i]
    return ()


@_add("roles", "step", "remember_recipients")
def remember_recipients(coder, c, s) -> bool:
    """"a soutenu la guerre russe contre l'Ukraine et aurait fourni": the recipients of "soutenu" are kept for the
    verbs coordinated with it (``conjunct_recipient``); the actors of a verb of conviction or coercion too, for
    the prison term it imposes (``sentencing_actor``)."""
    if c.recipients:
        s.named_recipients[c.trig.token.i] = c.recipients
    if c.actors and not c.trig.is_noun and coder._sentencing_code(c.cameo or c.trig.frame.cameo):
        s.named_actors[c.trig.token.i] = c.actors
    return False


@_add("roles", "recipients", "context_recipient")
def context_recipient(coder, c, s):
    """"Le président ukrainien l'accuse" after a sentence about Kiev: the recipient is the nearest other party named
    before. With the setting ``context_recipient_same_sentence`` (English, which has no object clitic
    to stand for an elided recipient) only the parties named earlier in the same sentence are candidates. A
    country so inferred for an attack or repression ("les Russes ont frappé un centre commercial" after a
    sentence about Ukraine) is its people (UKR CVL), as for a place (``place_recipient``)."""
    if c.actors and not (c.trig.frame.reciprocal and len(c.actors) >= 2):
        start = s.sent.start_char + s.offset if coder.lex.setting("context_recipient_same_sentence") else 0
        found = coder._context_recipient([m for m in s.mentions if m.char_start >= start
                                          and not coder._war_place(m, s.sent, s.offset)],
                                         c.actors, c.trig.token.idx + s.offset, s.context.paragraph_starts())
        root = c.trig.frame.cameo[:2]
        return found if root == PROTEST_ROOT else coder._place_sector(root, found)
    return ()


@_add("roles", "recipients", "domestic_recipient")
def domestic_recipient(coder, c, s):
    """"La justice iranienne a prononcé une condamnation à mort": a court's or police's act with nobody else
    named falls on the people of its own country (IRN CVL, inferred), as do a violent act by civilians and a
    government's promise or aid; a demand, criticism or rejection by citizens, parties, unions, media... with
    nobody named is addressed to their own government (inferred GOV)."""
    return coder._domestic_recipient(c.trig, c.actors, s.offset)


@_add("roles", "recipients", "model_recipient")
def model_recipient(coder, c, s):
    """"Le Kremlin a menacé, dans un message adressé à l'Ukraine": an event left with no recipient by the rules
    above gets the actor named in its sentence that the learned recipient choice scores highest (UKR), when the
    coder's model has one (:func:`newsevents.engine.learned_stage.model_recipient`)."""
    from .learned_stage import model_recipient as choose

    return choose(coder, c, s)


@_add("roles", "recipients", "addressed_people")
def addressed_people(coder, c, s):
    """"le gouvernement français a appelé au calme": a government's demand, criticism or rejection with nobody
    named, not even by the learned recipient choice, is addressed to its own country's people (FRA CVL,
    inferred)."""
    return coder._addressed_people(c.trig, c.actors, s.context, s.offset)


@_add("roles", "recipients", "home_recipient")
def home_recipient(coder, c, s):
    """"Le premier ministre australien a reconnu sa défaite": an act by actors of one country with nobody named
    after every other fallback, other than a meeting, cooperation, aid, cutting ties or military force, falls on
    that country (AUS CVL, inferred: a government's people, else the country with no sector); not when the act's
    phrase names a party of another country ("redemande le départ du contingent danois"). A bare state as actor
    ("le Danemark") is its own recipient and keeps none (``distinct_parties``). A reciprocal act with no partner
    named ("the two ministers signed an agreement") has its parties among the actors: it gets none."""
    if c.reciprocal:
        return ()
    return coder._home_recipient(c.trig, c.actors, s.context, s.offset)


@_add("roles", "step", "enumerated_recipients")
def enumerated_recipients(coder, c, s) -> bool:
    """"a livré des vaccins au Chili, au Pérou, à la Bolivie et à Cuba": every enumerated recipient; "des
    manifestants" made local."""
    c.recipients = coder._enumerated(c.recipients, s.sent, s.context, s.offset)
    c.recipients = coder._localised(c.recipients, c.trig, s.sent, s.context, s.offset)
    return False


@_add("roles", "drop", "home_trip")
def home_trip(coder, c, s) -> bool:
    """"le ministre nord-coréen se rendra à Pyongyang": a visit home is no visit; dropped. A visit between two
    named parties of one country with different sectors is a meeting, not a trip home, and stays ("le ministre
    recevra des représentants des syndicats": unions -> government; CAMEO 042-043 / 040)."""
    if any(a.entity_text and r.entity_text and a.sector and r.sector and a.sector != r.sector
           for a in c.actors for r in c.recipients):
        return False
    guessed = getattr(s.context, "guessed", ())
    return c.trig.frame.cameo == "042" and coder._home_trip([a for a in c.actors if a.span not in guessed],
                                                             c.recipients)


def _guess_yields(coder, actors, recipients, guessed):
    """The actors with a guessed country (``context.guessed``: the article's main country given to a title or
    a person the dictionaries do not know) that is the very entity of a recipient the text names ("President
    Francois Mitterand met South African leader F.W. de Klerk": the only country named is de Klerk's) left
    with no country (``---``, sector kept): the guess is what is wrong, not the named party."""
    def guess(e) -> bool:  # the guess is recorded on the title ("President"), the actor spans the whole name
        return any(e.span[0] <= lo and hi <= e.span[1] for lo, hi in guessed)

    named = [r for r in recipients if r.entity_text and not guess(r)]
    return tuple(replace(a, code="---") if guess(a) and any(coder._one_entity(r, a) for r in named) else a
                 for a in actors)


@_add("roles", "step", "distinct_parties")
def distinct_parties(coder, c, s) -> bool:
    """"des soldats russes ont tiré sur des soldats russes": a recipient that is one of the actors (same span or
    entity) is removed, except other people of the same country ("un homme a poignardé des passants": civilians
    and civilians); the recipients of an accusing verb are kept for ``accused_actor``."""
    spans = {a.span for a in c.actors if a.entity_text}  # two inferred parties share the empty span at the trigger
    c.recipients = tuple(r for r in c.recipients if r.span not in spans)
    if coder.lex.setting("guessed_actor_yields"):
        c.actors = _guess_yields(coder, c.actors, c.recipients, getattr(s.context, "guessed", ()))
    c.recipients = tuple(r for r in c.recipients if not any(coder._one_entity(r, a) for a in c.actors)
                         or not c.actors or coder._other_people(r, c.actors))
    if c.trig.frame.cameo == "112" and not c.trig.is_noun:
        s.charged[c.trig.token.i] = c.recipients  # for accused_actor
    return False


@_add("roles", "drop", "lone_meeting")
def lone_meeting(coder, c, s) -> bool:
    """"le chef de l'État organise à Versailles le deuxième sommet": a meeting noun, or a visit ("arrivé sur
    place"), with one party and no counterpart is no consultation between actors; dropped. A meeting verb of a
    plural subject ("les partis négocient") stays: its parties are the subject's members."""
    return c.trig.frame.cameo[:2] == CONSULT_ROOT and not c.recipients and len(c.actors) <= 1 \
        and (c.trig.is_noun or c.trig.frame.cameo in VISIT_CODES)


@_add("roles", "drop", "recipientless_aid")
def recipientless_aid(coder, c, s) -> bool:
    """"le juge a condamné la banque à verser 36 millions de dollars": aid or cooperation (CAMEO 06, 07) is given
    to someone; with no recipient left after every fallback, one actor (two share it: "French and Egyptian
    warships launched war games"), and no indirect object, complement naming another party or complement of the
    frame's recipient prepositions that the roles could not code ("a remis des médicaments au Croissant-Rouge"),
    it is no event between parties; dropped. (Any direct object is not enough: on devtest it kept spurious
    events.)"""
    rel = coder.lex.rel
    if c.trig.frame.cameo[:2] not in GIVEN_ROOTS or c.recipients or len(c.actors) > 1:
        return False
    slots, tok = set(c.trig.frame.recipient), c.trig.token
    actors = [a.span for a in c.actors]

    def names_party(x) -> bool:  # "a accueilli plus de 300 000 réfugiés ukrainiens": a party the roles missed
        return x.dep_ not in coder.lex.label("subjects") and x.pos_ not in ("VERB", "AUX") and any(
            m.kind != "agent" and not any(lo <= m.char_start < hi for lo, hi in actors)  # a sector word is no party
            for m in s.context.mentions_in(tok.doc, x.left_edge.i, x.right_edge.i + 1))
    if any(x.dep_ == rel.indirect_object or names_party(x) for x in tok.children):
        return False
    todo = list(tok.children)
    while todo:  # the trigger's phrase, clauses aside: the parser may hang "au Croissant-Rouge" on the object
        x = todo.pop()
        if x.pos_ in ("VERB", "AUX"):
            continue
        if x.pos_ in ("NOUN", "PROPN", "PRON") and coder._case_of(x) in slots:
            return False
        todo += x.children
    return True
