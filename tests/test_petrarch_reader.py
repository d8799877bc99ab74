"""The PETRARCH/TABARI dictionary readers on small dictionary snippets written for these tests."""
import re

import pytest

from newsevents.petrarch import (DatedRole, DictionaryError, primary_code, read_actors, read_agents,
                                 read_discards, read_verbs)

ACTORS = """\
<!-- A TEST ACTOR FILE
# spanning two lines -->
FREEDONIA_  [FRD]   # a country
+FREEDONIAN_
+FREE_CITY_ ; a TABARI-style comment
RUFUS_T_FIREFLY_
+FIREFLY_
\t[FRDGOV >20200105]
\t[FRDELI <200104]
\t[FRDMIL 20190101-20191231]
SYLVANIA [SYL] [SYLGOV 19990101-20011231]
---STOP---
NEVER_READ [XXX]
"""


def test_actor_record_names_synonyms_and_default_code():
    parsed = read_actors("test.actors", text=ACTORS)
    first = parsed.entries[0]
    assert first.names == ("FREEDONIA", "FREEDONIAN", "FREE CITY")
    assert first.code == "FRD" and first.roles == () and first.line == 3


def test_actor_date_restrictions_in_both_date_forms():
    firefly = read_actors("test.actors", text=ACTORS).entries[1]
    assert firefly.code is None
    assert firefly.roles == (DatedRole("FRDGOV", "2020-01-05", None), DatedRole("FRDELI", None, "2020-01-04"),
                             DatedRole("FRDMIL", "2019-01-01", "2019-12-31"))


def test_actor_restriction_on_the_primary_line_and_stop_marker():
    entries = read_actors("test.actors", text=ACTORS).entries
    assert entries[2].code == "SYL"
    assert entries[2].roles == (DatedRole("SYLGOV", "1999-01-01", "2001-12-31"),)
    assert len(entries) == 3  # nothing after ---STOP---


@pytest.mark.parametrize("text, line, reason", [
    ("A [AAA]\n\t[AAAGOV 20201340-20201231]\n", 2, "not a calendar date"),
    ("A [AAA]\n\t[AAAGOV 2020013-20201231]\n", 2, "not YYYYMMDD or YYMMDD"),
    ("A [AAA]\n\t[AAAGOV 20201231-20200101]\n", 2, "before start date"),
    ("+ORPHAN_SYNONYM\n", 1, "no actor before it"),
    ("\t[AAA >20200101]\n", 1, "no actor before it"),
    ("A [AAA]\nB_AAAGOV 20200101]\n", 2, "']' without '['"),
    ("A [AAA\n", 1, "'[' without ']'"),
])
def test_bad_actor_lines_name_file_and_line(text, line, reason):
    with pytest.raises(DictionaryError) as info:
        read_actors("my.actors", text=text)
    assert info.value.line == line and info.value.path == "my.actors"
    assert str(info.value).startswith(f"my.actors:{line}:") and reason in str(info.value)


def test_lenient_actor_reading_keeps_good_records_and_collects_errors():
    parsed = read_actors("my.actors", text="A [AAA]\nB [BBB\nC [CCC]\n", lenient=True)
    assert [a.names for a in parsed.entries] == [("A",), ("C",)]
    assert [e.line for e in parsed.errors] == [2]


AGENTS = """\
!PERSON! = MAN, WOMAN
POLICE {} [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
EMBASSY [~GOV]
ACTRESS [~CVL]
HUMAN_RIGHTS_GROUP [NGO~]
CONGRESS!PERSON! [~LEG]
"""


def test_agents_plurals_codes_and_markers():
    entries = read_agents("a.agents", text=AGENTS).entries
    by_first = {a.words[0]: a for a in entries}
    assert by_first["POLICE"].words == ("POLICE",)
    assert by_first["ATTORNEY GENERAL"].words == ("ATTORNEY GENERAL", "ATTORNEYS GENERAL")
    assert by_first["ATTORNEY GENERAL"].code == "GOVATG" and not by_first["ATTORNEY GENERAL"].prefix
    assert by_first["EMBASSY"].words == ("EMBASSY", "EMBASSIES")
    assert by_first["ACTRESS"].words == ("ACTRESS", "ACTRESSES")
    assert by_first["HUMAN RIGHTS GROUP"].prefix and by_first["HUMAN RIGHTS GROUP"].code == "NGO"
    assert by_first["CONGRESSMAN"].words == ("CONGRESSMAN", "CONGRESSWOMAN")


def test_agents_without_regular_plurals_for_other_languages():
    entries = read_agents("a.agents", text="SOLDADO [~MIL]\n", plurals=False).entries
    assert entries[0].words == ("SOLDADO",)


@pytest.mark.parametrize("text, reason", [
    ("SOLDIER\n", "exactly one code"),
    ("SOLDIER [MIL]\n", "not ~CODE or CODE~"),
    ("SOLDIER {SOLDIERS [~MIL]\n", "'{' without '}'"),
    ("SOLDIER {SOLDIERS [~MIL]}\n", "unexpected text '}' after ']'"),
    ("CONGRESS!PERSON! [~LEG]\n", "not defined"),
])
def test_bad_agent_lines(text, reason):
    with pytest.raises(DictionaryError, match=re.escape(reason)) as info:
        read_agents("a.agents", text=text)
    assert info.value.line == 1


VERBS = """\
&TREATY
+TREATY
+ACCORD_

&AUX_
+WILL

--- ACCUSE   [112]  ---
ACCUSE
DENOUNCE [111]
- * (OF &TREATY)                  [1121]   # ACCUSE
- * (TO)                          [042:043]

--- BACK [---] ---
+BACK_DOWN {+BACKED_DOWN +BACKING_DOWN}
WIRE_+TAP
- TALKS * {PEACE PLAN}            [:036]
~ a (a b ATTACK) SAY = a b 015
"""


def test_verb_blocks_codes_forms_and_patterns():
    book = read_verbs("v.verbs", text=VERBS).entries[0]
    by_lemma = {v.lemma: v for v in book.verbs}
    assert by_lemma["ACCUSE"].code == "112" and by_lemma["DENOUNCE"].code == "111"
    assert by_lemma["ACCUSE"].block == "ACCUSE" and len(by_lemma["DENOUNCE"].patterns) == 2
    first = by_lemma["ACCUSE"].patterns[0]
    assert first.tokens == ("*", "(", "OF", "&TREATY", ")") and first.code == "1121" and first.line == 11
    assert first.after == ("(", "OF", "&TREATY", ")") and first.before == ()
    assert by_lemma["BACK DOWN"].forms == ("BACKED DOWN", "BACKING DOWN") and by_lemma["BACK DOWN"].code == "---"
    assert "WIRE TAP" in by_lemma
    assert by_lemma["WIRE TAP"].patterns[0].before == ("TALKS",)


def test_synsets_plurals_and_transformations():
    book = read_verbs("v.verbs", text=VERBS).entries[0]
    assert book.synsets["&TREATY"] == ("TREATY", "TREATIES", "ACCORD")
    assert book.synsets["&AUX"] == ("WILL",)
    assert book.transformations == ((18, "~ a (a b ATTACK) SAY = a b 015"),)


def test_primary_code():
    assert primary_code("042:043") == "042" and primary_code(":036") == "036" and primary_code("---") == "---"


@pytest.mark.parametrize("text, line, reason", [
    ("ACCUSE\n", 1, "outside a '--- NAME [CODE] ---' block"),
    ("--- A [010] ---\nSAY\n- * (TO [010]\n", 3, "unbalanced"),
    ("--- A [010] ---\nSAY\n- * TO\n", 3, "needs one code"),
    ("--- A [010] ---\nSAY\n- * &NOWHERE [010]\n", 3, "synset &NOWHERE is not defined"),
    ("--- A [010] ---\nSAY {SAID\n", 2, "'{' without '}'"),
    ("--- A [010] [011] [012] ---\n", 1, "block header"),
])
def test_bad_verb_lines(text, line, reason):
    with pytest.raises(DictionaryError, match=re.escape(reason)) as info:
        read_verbs("v.verbs", text=text)
    assert info.value.line == line


def test_discards():
    entries = read_discards("d.txt", text="+WORLD_CUP_  # sports\nBASEBALL\n").entries
    assert [(d.text, d.story, d.whole_word, d.line) for d in entries] == [("WORLD CUP", True, True, 1),
                                                                          ("BASEBALL", False, False, 2)]
