"""Every named rule of the coder, registered in one registry, in the order each stage runs them: the
suppression, label, recoding and later stages here, the roles stage in :mod:`newsevents.engine.rulebook_roles`
(imported at the end of this module, so importing this one registers every rule).

Each function is a thin adapter from the rule interface (:mod:`newsevents.engine.rules`) to the coder's
predicate or finder that does the work; its docstring gives one example sentence and the rule's effect. The
order of the lists below is the order the rules run in (a ``group`` is an if / elif chain).
"""
from __future__ import annotations

from .frames import (
    FRONTED_VISIT, INTENT_CODES, OBLIGATION, OFFER_ROOTS, STATE_ACT_ROOTS, THREAT_CODES,
    THREAT_SPECIFIC,
)
from .rules import Registry

REGISTRY = Registry()
"""All rules, by stage and in order."""

CONCESSION_CODE = "080"
"""CAMEO code of a yielding announced for the future (``intent_code``, cue list ``intended_as_concession``)."""
NON_MATERIAL_THREAT_ROOTS = {"10", "11", "12"}
"""Roots of verbal conflict (demand, disapprove, reject): a possible act of theirs on a condition is no threat."""


def _add(stage: str, kind: str, name: str, group: str | None = None):
    def register(fn):
        REGISTRY.add(stage, kind, name, fn, group)
        return fn
    return register


# -- suppression: background, descriptions, conditions (first pass) -------------------------------------------

@_add("suppression", "drop", "background_participle")
def background_participle(coder, t, s) -> bool:
    """"le tribunal a libéré les militants arrêtés il y a un an": the participle "arrêtés", with no agent and
    describing an object, is background and is dropped (a pattern-object noun it describes then codes itself)."""
    return coder._background_participle(t, s.expressions, s.offset)


@_add("suppression", "drop", "purpose_clause")
def purpose_clause(coder, t, s) -> bool:
    """"ont manifesté lundi à Lyon pour réclamer des hausses de salaire": the stated aim "réclamer" is dropped."""
    return coder._purpose_clause(t, s.by_token)


@_add("suppression", "drop", "reaction_topic")
def reaction_topic(coder, t, s) -> bool:
    """"Paris a condamné l'attaque russe": the topic of the reaction, "attaque", is dropped."""
    return coder._reaction_topic(t, s.by_token)


@_add("suppression", "drop", "place_description")
def place_description(coder, t, s) -> bool:
    """"le pape s'est rendu à Bangui, où des rebelles ont attaqué l'armée en mars": the place's description
    "attaqué" is dropped; not a relative verb with its own agent and patient and no date of its own ("s'est
    rendu à Dakar, où il a rencontré le président Macky Sall": a meeting on the trip)."""
    return coder._place_description(t.token, s.expressions, s.offset)


@_add("suppression", "drop", "threat_condition")
def threat_condition(coder, t, s) -> bool:
    """"la Russie menace de couper le gaz si l'Ukraine attaque la Crimée": the condition "attaque" is dropped."""
    return coder._threat_condition(t, s.by_token)


@_add("suppression", "drop", "consequence")
def consequence(coder, t, s) -> bool:
    """"les rebelles ont bombardé la ville de Goma, tuant vingt personnes": the toll "tuant" is dropped (one
    attack)."""
    return coder._consequence(t, s.by_token)


@_add("suppression", "drop", "unowned_background")
def unowned_background(coder, t, s) -> bool:
    """"après un rassemblement lié à une hausse des prix": a background noun naming nobody is dropped."""
    return coder._unowned_background(t, s.context)


@_add("suppression", "drop", "natural_cause")
def natural_cause(coder, t, s) -> bool:
    """"Onze personnes ont été tuées dans un carambolage près de Metz": a misfortune, "tuées" is dropped."""
    return coder._natural_cause(t)


@_add("suppression", "drop", "since_background")
def since_background(coder, t, s) -> bool:
    """"Depuis l'invasion du Kenya par l'Ouganda, des milliers de personnes ont fui vers la Tanzanie.": the time
    reference "invasion" is dropped."""
    return coder._since_background(t)


@_add("suppression", "drop", "classifier_noun")
def classifier_noun(coder, t, s) -> bool:
    """"Le centre de détention de Vilnius a été fermé": "détention", a bare complement naming the kind of
    centre, is dropped."""
    return coder._classifier_noun(t)


@_add("suppression", "drop", "tribute_gathering")
def tribute_gathering(coder, t, s) -> bool:
    """"Une foule s'est rassemblée samedi à Kiev pour honorer la mémoire du militant": a gathering for a tribute
    protests nothing; "rassemblée" is dropped."""
    return coder._tribute_gathering(t)


@_add("suppression", "drop", "possessive_cause")
def possessive_cause(coder, t, s) -> bool:
    """"Son combat contre les inégalités sociales va de pair avec un engagement": someone's cause, not a fight;
    "combat" is dropped."""
    return coder._possessive_cause(t, s.context)


@_add("suppression", "drop", "organiser_adjunct")
def organiser_adjunct(coder, t, s) -> bool:
    """"ont défilé à Paris à l'appel des syndicats": the call "appel" that organised the march is dropped."""
    return coder._organiser_adjunct(t)


@_add("suppression", "drop", "wished_act")
def wished_act(coder, t, s) -> bool:
    """"Kigali said it hoped French officials would be indicted for war crimes": with the cue list ``wish_verbs``
    (English; its word forms, the tagger's lemma of "hopes" being "hop"), an act in the clause a wish verb takes,
    done by someone else than the one who wishes (or by nobody named), is a wish, not an event; "indicted" is
    dropped."""
    rel = coder.lex.rel
    wishes = coder.lex.cues.get("wish_verbs")
    tok = t.token
    if not wishes or t.is_noun or tok.dep_ != rel.clausal_complement \
            or not {tok.head.lemma_.lower(), tok.head.lower_} & wishes:
        return False
    doer = next((x for x in tok.children if x.dep_ in coder.lex.label("subjects")), None)
    wisher = next((x for x in tok.head.children if x.dep_ in coder.lex.label("subjects")), None)
    if doer is None or wisher is None or coder._passive(tok):
        return True
    return doer.lower_ != wisher.lower_ and not (doer.pos_ == "PRON" and wisher.pos_ != "PRON")


# -- labels: words of an event that report no event (second pass) -----------------------------------------------

@_add("labels", "drop", "affiliation_label")
def affiliation_label(coder, t, s) -> bool:
    """"la milice, soutenue par la Syrie": the label "soutenue" (a standing relation) is dropped."""
    return coder._affiliation_label(t, s.expressions, s.offset)


@_add("labels", "drop", "same_act_adjunct")
def same_act_adjunct(coder, t, s) -> bool:
    """"a attaqué la caserne de Kaboul en se faisant exploser": the manner "exploser" of the same act is dropped."""
    return coder._same_act_adjunct(t, s.by_token)


@_add("labels", "drop", "noun_purpose")
def noun_purpose(coder, t, s) -> bool:
    """"une pétition pour interdire les armes a recueilli un million de signatures": the aim "interdire" of the
    noun is dropped."""
    return coder._noun_purpose(t)


@_add("labels", "drop", "text_content")
def text_content(coder, t, s) -> bool:
    """"un accord prévoyant une manifestation": the content "manifestation" of the text is dropped."""
    return coder._text_content(t)


@_add("labels", "drop", "interview")
def interview(coder, t, s) -> bool:
    """"dans un entretien accordé à la BBC": an interview is no meeting; "entretien" is dropped."""
    return coder._interview(t)


@_add("labels", "drop", "violated")
def violated(coder, t, s) -> bool:
    """"le Venezuela a enfreint l'embargo": the measure broken, "embargo", is dropped (the breach is coded)."""
    return coder._violated(t)


@_add("labels", "drop", "cleared_charge")
def cleared_charge(coder, t, s) -> bool:
    """"a été blanchi des accusations de corruption par un tribunal": the cleared charge "accusations" is
    dropped."""
    return coder._cleared_charge(t)


@_add("labels", "drop", "generic_mention")
def generic_mention(coder, t, s) -> bool:
    """"la répression s'accentue contre les opposants": a generic mention naming nobody is dropped."""
    return coder._generic_mention(t, s.context)


@_add("labels", "drop", "negated_pledge")
def negated_pledge(coder, t, s) -> bool:
    """"a promis de ne jamais renoncer à son droit": a pledge never to yield is defiance; dropped."""
    return coder._negated_pledge(t, s.by_token)


# -- recoding: modality, intent and threat codes ---------------------------------------------------------------

@_add("recoding", "step", "modality")
def modality(coder, c, s) -> bool:
    """"aurait livré des armes": the modality of the trigger's clause (alleged); "refuse de condamner"
    negated; a fronted-place visit asserted whatever is done there."""
    trig = c.trig
    c.modality = "negated" if trig.token.i in s.negated_by_refusal else \
        "asserted" if trig.frame is FRONTED_VISIT else coder._modality(trig, s.sent)
    c.cameo = trig.frame.cameo
    c.root = c.cameo[:2]
    return True  # always "fires": the trace shows the modality found


@_add("recoding", "step", "alleged_exchange")
def alleged_exchange(coder, c, s) -> bool:
    """"aurait libéré un Américain en échange de la libération d'un Russe": the counterpart of an alleged deal is
    alleged."""
    if not c.trig.is_noun or c.modality != "asserted":
        return False
    exchanged = coder._exchange_verb(c.trig.token)
    if exchanged is not None and coder._conditional(exchanged):
        c.modality = "alleged"
        return True
    return False


@_add("recoding", "step", "obligation_now")
def obligation_now(coder, c, s) -> bool:
    """"l'Ukraine a déclaré que la Russie devra payer": the demand is made now (asserted, not intended)."""
    if c.trig.frame is OBLIGATION and c.modality == "intended":
        c.modality = "asserted"
        return True
    return False


@_add("recoding", "step", "announced_intent", group="announced")
def announced_intent(coder, c, s) -> bool:
    """"la France a annoncé qu'elle retirerait ses troupes du Mali": the speaker's own stated intent (intended); a
    conflictual act, or any act on a condition but an offer ("... si Y ne cède pas"), is a threat (13x,
    asserted)."""
    if c.modality != "alleged" or not coder._self_announced(c.trig.token):
        return False
    c.modality = "intended"
    if c.root in THREAT_CODES or (coder._conditioned(c.trig.token) and c.root not in OFFER_ROOTS):
        c.cameo = THREAT_SPECIFIC.get(c.cameo[:3]) or THREAT_CODES.get(c.root, "130")
        c.root = c.cameo[:2]
        c.modality = "asserted"  # the threat itself has been made; its content is what is intended
    return True


@_add("recoding", "step", "conditioned_threat", group="announced")
def conditioned_threat(coder, c, s) -> bool:
    """"a prévenu qu'en cas de refus, elle coupera le gaz": a threat (1311...), asserted."""
    tok = c.trig.token
    if c.modality == "intended" and c.root in THREAT_CODES and coder._conditioned(tok) \
            and coder._self_announced(tok):
        c.cameo = THREAT_SPECIFIC.get(c.cameo[:3]) or THREAT_CODES[c.root]
        c.root = c.cameo[:2]
        c.modality = "asserted"
        return True
    return False


@_add("recoding", "step", "conditional_threat", group="intent")
def conditional_threat(coder, c, s) -> bool:
    """"Nigeria announced that it will withdraw its force from Chad unless elections are held": with the cue
    list ``threat_condition_marks`` (English), an intended act on a condition of that kind is a threat (130, or
    the act's own threat code), asserted. With the cue list ``hypothetical_threat_marks`` (English), so is a
    possible act of protest, force, sanction or violence (CAMEO 14-20) on such a condition ("the European
    Community may halt mediation efforts if cooperation founders": 131)."""
    rel = coder.lex.rel
    marks = coder.lex.cues.get("threat_condition_marks") if c.modality == "intended" else \
        coder.lex.cues.get("hypothetical_threat_marks") if c.modality == "hypothetical" \
        and c.root in THREAT_CODES and c.root not in NON_MATERIAL_THREAT_ROOTS else None
    tok = c.trig.token
    if not marks or c.trig.is_noun or not any(
            x.dep_ == rel.adverbial_clause and any(m.dep_ == rel.clause_marker and m.lower_ in marks
                                                   for m in x.children)
            for x in tok.children):
        return False
    c.cameo = (THREAT_SPECIFIC.get(c.cameo[:3]) or THREAT_CODES[c.root]) if c.root in THREAT_CODES else "130"
    c.root = c.cameo[:2]
    c.modality = "asserted"
    return True


@_add("recoding", "step", "intent_code", group="intent")
def intent_code(coder, c, s) -> bool:
    """"veut rencontrer le président russe": an intended meeting, aid, cooperation... is its "express intent" code
    (036...). For a language whose gold codes an announced act as the threat of it (cue list
    ``intended_as_threat``: CAMEO roots; empty in French), an intended act of such a root is its threat code,
    asserted (Spanish "protestarán": 133). For a language whose gold codes an announced withdrawal or yielding
    as a concession (cue list ``intended_as_concession``: French "a prévu de se retirer"), it is CAMEO 080."""
    if c.modality == "intended" and c.root in coder.lex.cues.get("intended_as_concession", ()):
        c.cameo = CONCESSION_CODE
        return True
    if c.modality == "intended" and c.root in coder.lex.cue("intended_as_threat") and c.root in THREAT_CODES:
        c.cameo = THREAT_SPECIFIC.get(c.cameo[:3]) or THREAT_CODES[c.root]
        c.root = c.cameo[:2]
        c.modality = "asserted"
        return True
    if c.modality == "intended" and c.root in INTENT_CODES:
        c.cameo = INTENT_CODES[c.root]
        return True
    return False


HARM_ROOTS = frozenset({"16", "17", "18", "19", "20"})
"""CAMEO roots of the acts whose promise is a threat (``promised_harm``): reduce relations, coerce, assault,
fight, mass violence."""


@_add("recoding", "step", "promised_harm", group="intent")
def promised_harm(coder, c, s) -> bool:
    """"Erdogan promet de bombarder les combattants kurdes": a promise of a harmful act (CAMEO roots 16-20) is a
    threat of it (138 here; 131 for a sanction, 132 for a coercion, 1381 for a blockade...), asserted, as the gold
    codes "promet de lancer une opération terrestre" (THREATEN 138), not a pledge (AGREE 030). A promise not to
    harm ("a promis de ne pas attaquer Israël") stays a pledge."""
    promised = next((sub for sub in c.inner if not sub.is_noun), c.inner[0] if c.inner else None)
    if c.root != "03" or promised is None or promised.frame.cameo[:2] not in HARM_ROOTS \
            or coder._negated(promised, promised.token):  # "a promis de ne pas attaquer": a pledge
        return False
    act = promised.frame.cameo
    c.cameo = THREAT_SPECIFIC.get(act[:3]) or THREAT_CODES[act[:2]]
    c.root = c.cameo[:2]
    c.modality = "asserted"
    return True


@_add("recoding", "step", "promise_content", group="intent")
def promise_content(coder, c, s) -> bool:
    """"promet de livrer des armes au Liban": a promise takes the intent code of what it promises (033)."""
    if c.root == "03" and c.inner and c.inner[0].frame.cameo[:2] in INTENT_CODES:
        c.cameo = INTENT_CODES[c.inner[0].frame.cameo[:2]]
        return True
    return False


@_add("recoding", "step", "threat_content", group="intent")
def threat_content(coder, c, s) -> bool:
    """"menace de couper le gaz": a threat takes the threat code of the act threatened (1311...)."""
    if c.cameo == "130" and c.inner and c.inner[0].frame.cameo[:2] in THREAT_CODES:
        act = c.inner[0].frame.cameo
        c.cameo = THREAT_SPECIFIC.get(act[:3]) or THREAT_CODES[act[:2]]
        return True
    return False


@_add("recoding", "step", "intended_one_way")
def intended_one_way(coder, c, s) -> bool:
    """"le président français veut rencontrer le président russe": the intent to meet is the subject's own, one
    way (FRA -> RUS); an intended meeting, talk or cooperation with a named partner is not made reciprocal (the
    subject's own members, "la France et l'Allemagne veulent se rencontrer", still are). A country as the partner
    of a state act stays its government, as a reciprocal partner is ("avec le Mexique": MEX GOV)."""
    if c.reciprocal and c.recipients and c.modality == "intended" and c.cameo == INTENT_CODES.get(c.root):
        c.reciprocal = False
        if c.root in coder.lex.cues.get("government_act_roots", STATE_ACT_ROOTS):
            c.recipients = coder._as_government(c.recipients)
        return True
    return False


@_add("recoding", "step", "agree_intended")
def agree_intended(coder, c, s) -> bool:
    """"s'engage à coopérer": AGREE events are intended by nature (ANNOTATION.md)."""
    if coder.cameo.plover(c.cameo) == "AGREE" and c.modality == "asserted":
        c.modality = "intended"
        return True
    return False


from . import rulebook_roles  # noqa: E402,F401  (registers the roles stage; it reads the names above)

